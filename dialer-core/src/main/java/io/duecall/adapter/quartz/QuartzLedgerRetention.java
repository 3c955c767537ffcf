package io.duecall.adapter.quartz;

import io.duecall.app.LedgerRetention;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Runs the ledger's retention once a day at {@link #AT} UTC (a cron trigger); on a cluster, one node runs each day's.
 * Quartz only wakes it: which months are over is decided against the engine's clock.
 */
public final class QuartzLedgerRetention implements AutoCloseable {
    /** Past midnight UTC, when a month's first day has begun everywhere the partitions are counted. */
    public static final LocalTime AT = LocalTime.of(4, 30);
    private static final String NAME = "ledger-retention";
    private final Scheduler scheduler;

    /** {@code cluster} null: this node alone, in memory. */
    public QuartzLedgerRetention(LedgerRetention retention, Clock clock, QuartzCluster cluster) {
        try {
            scheduler = cluster == null
                    ? QuartzSchedulers.inMemory("duecall-ledger-retention", 1)
                    : QuartzSchedulers.clustered("duecall-ledger-retention", 1, cluster);
            scheduler.setJobFactory((bundle, owner) -> new LedgerRetentionJob(retention, clock));
            var job = JobBuilder.newJob(LedgerRetentionJob.class).withIdentity(NAME).storeDurably().build();
            var trigger = TriggerBuilder.newTrigger()
                    .withIdentity(NAME)
                    .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(AT.getHour(), AT.getMinute())
                            .inTimeZone(TimeZone.getTimeZone("UTC"))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            if (!scheduler.checkExists(job.getKey())) {
                try {
                    scheduler.scheduleJob(job, trigger);
                } catch (ObjectAlreadyExistsException e) {
                    // Another node of the cluster stored it first; its trigger is the cluster's one.
                }
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("the ledger retention could not be scheduled: " + e.getMessage(), e);
        }
    }

    /** Runs the retention now, beside the daily one (they never overlap). */
    public void runNow() {
        try {
            scheduler.triggerJob(JobKey.jobKey(NAME));
        } catch (SchedulerException e) {
            throw new IllegalStateException("the ledger retention could not be started: " + e.getMessage(), e);
        }
    }

    public Optional<Instant> nextRun() {
        return QuartzSchedulers.nextFire(scheduler, TriggerKey.triggerKey(NAME));
    }

    @Override
    public void close() {
        QuartzSchedulers.shutdown(scheduler, "the ledger retention");
    }
}
