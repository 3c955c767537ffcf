package io.duecall.adapter.quartz;

import io.duecall.app.PromiseFollowUp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the promise follow-up once a day at a local time in a zone (a cron trigger with that time zone). Quartz only
 * wakes it; which promises are over is decided against the engine's clock in each debtor's zone, so a sweep that runs
 * twice or late settles the same promises.
 */
public final class QuartzPromiseSweep implements AutoCloseable {
    private static final String NAME = "promise-sweep";
    private static final Logger log = LoggerFactory.getLogger(QuartzPromiseSweep.class);
    private final Scheduler scheduler;

    /** {@code at} should avoid the hours clocks change in {@code zone} (01:00-03:00 in most zones) so no day is skipped. */
    public QuartzPromiseSweep(PromiseFollowUp followUp, Clock clock, LocalTime at, ZoneId zone) {
        this(followUp, clock, at, zone, null);
    }

    /** With a {@code cluster}, one node of the cluster runs each day's sweep; null: this node alone, in memory. */
    public QuartzPromiseSweep(PromiseFollowUp followUp, Clock clock, LocalTime at, ZoneId zone, QuartzCluster cluster) {
        try {
            scheduler = cluster == null
                    ? QuartzSchedulers.inMemory("duecall-promises", 1)
                    : QuartzSchedulers.clustered("duecall-promises", 1, cluster);
            scheduler.setJobFactory((bundle, owner) -> new PromiseSweepJob(followUp, clock));
            var job = JobBuilder.newJob(PromiseSweepJob.class).withIdentity(NAME).storeDurably().requestRecovery().build();
            var trigger = TriggerBuilder.newTrigger()
                    .withIdentity(NAME)
                    .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(at.getHour(), at.getMinute())
                            .inTimeZone(TimeZone.getTimeZone(zone))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            if (!scheduler.checkExists(job.getKey())) {
                try {
                    scheduler.scheduleJob(job, trigger);
                } catch (ObjectAlreadyExistsException e) {
                    // Another node of the cluster stored the sweep first; its trigger is the cluster's one.
                }
            } else {
                keepToConfiguredTime(trigger);
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("the promise sweep could not be scheduled: " + e.getMessage(), e);
        }
    }

    /**
     * A sweep stored by an earlier start (a clustered job store keeps it) is moved to the configured time and zone if
     * they changed since; the node that starts last with a changed setting sets the cluster's sweep.
     */
    private void keepToConfiguredTime(CronTrigger wanted) throws SchedulerException {
        var stored = scheduler.getTrigger(wanted.getKey());
        if (stored == null) {
            scheduler.scheduleJob(wanted.getTriggerBuilder().forJob(NAME).build());
            return;
        }
        if (stored instanceof CronTrigger cron && cron.getCronExpression().equals(wanted.getCronExpression())
                && cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())) {
            return;
        }
        log.info("promise sweep moved to {} in {} (promises.sweepAt changed)", wanted.getCronExpression(),
                wanted.getTimeZone().getID());
        scheduler.rescheduleJob(wanted.getKey(), wanted);
    }

    /** Runs a sweep now, beside the daily one (they never overlap), as after the engine was down at sweep time. */
    public void runNow() {
        try {
            scheduler.triggerJob(JobKey.jobKey(NAME));
        } catch (SchedulerException e) {
            throw new IllegalStateException("the promise sweep could not be started: " + e.getMessage(), e);
        }
    }

    /** When the next sweep is due. */
    public Optional<Instant> nextSweep() {
        return QuartzSchedulers.nextFire(scheduler, TriggerKey.triggerKey(NAME));
    }

    @Override
    public void close() {
        QuartzSchedulers.shutdown(scheduler, "the promise sweep");
    }
}
