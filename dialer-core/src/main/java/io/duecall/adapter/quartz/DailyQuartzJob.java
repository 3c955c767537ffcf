package io.duecall.adapter.quartz;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job on a scheduler of its own, run once a day at a local time in a zone (a cron trigger of the job's name); on
 * a cluster one node runs each day's. A job stored by an earlier start is moved to the time given now if it changed,
 * so the node that starts last with a changed setting sets the cluster's. It can also be run on demand.
 */
abstract class DailyQuartzJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DailyQuartzJob.class);

    private final String name;
    private final String what;
    private final Scheduler scheduler;

    /**
     * {@code cluster} null: this node alone, in memory; otherwise the scheduler named {@code schedulerName} in the
     * cluster's job store (a stored job belongs to that name). {@code recover}: a run cut short by a node's death is
     * run again by another node. {@code what} names the job in errors and logs.
     */
    DailyQuartzJob(String schedulerName, String name, String what, Class<? extends Job> type, Supplier<Job> job,
            boolean recover, LocalTime at, ZoneId zone, QuartzCluster cluster) {
        this.name = name;
        this.what = what;
        try {
            scheduler = cluster == null ? QuartzSchedulers.inMemory(schedulerName, 1)
                    : QuartzSchedulers.clustered(schedulerName, 1, cluster);
            scheduler.setJobFactory((bundle, owner) -> job.get());
            var detail = JobBuilder.newJob(type).withIdentity(name).storeDurably().requestRecovery(recover).build();
            var trigger = TriggerBuilder.newTrigger()
                    .withIdentity(name)
                    .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(at.getHour(), at.getMinute())
                            .inTimeZone(TimeZone.getTimeZone(zone))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            if (!scheduler.checkExists(detail.getKey())) {
                try {
                    scheduler.scheduleJob(detail, trigger);
                } catch (ObjectAlreadyExistsException e) {
                    // Another node of the cluster stored it first; its trigger is the cluster's one.
                }
            } else {
                keepToConfiguredTime(trigger);
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException(what + " could not be scheduled: " + e.getMessage(), e);
        }
    }

    private void keepToConfiguredTime(CronTrigger wanted) throws SchedulerException {
        var stored = scheduler.getTrigger(wanted.getKey());
        if (stored == null) {
            scheduler.scheduleJob(wanted.getTriggerBuilder().forJob(name).build());
            return;
        }
        if (stored instanceof CronTrigger cron && cron.getCronExpression().equals(wanted.getCronExpression())
                && cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())) {
            return;
        }
        LOG.info("{} moved to {} in {} (its configured time changed)", what, wanted.getCronExpression(),
                wanted.getTimeZone().getID());
        scheduler.rescheduleJob(wanted.getKey(), wanted);
    }

    /** Runs the job now, beside the daily run (they never overlap). */
    public void runNow() {
        QuartzSchedulers.triggerNow(scheduler, name, what);
    }

    /** When the daily run is next due. */
    Optional<Instant> nextFire() {
        return QuartzSchedulers.nextFire(scheduler, TriggerKey.triggerKey(name));
    }

    @Override
    public void close() {
        QuartzSchedulers.shutdown(scheduler, what);
    }
}
