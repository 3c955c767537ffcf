package io.duecall.adapter.quartz;

import io.duecall.app.DialCycle;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.TimeZone;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.calendar.HolidayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz drives each running campaign's dial cycle: one repeating trigger per campaign, between its start and end
 * instants, skipping the holidays of its calendar. Quartz only wakes the engine up; every decision about who may
 * be dialed is the engine's, made against its own clock.
 */
public final class QuartzDialCycle implements AutoCloseable {
    private static final String GROUP = "campaigns";
    private final Scheduler scheduler;
    static final String CLUSTER_NAME = "duecall-dial";
    private static final Logger LOG = LoggerFactory.getLogger(QuartzDialCycle.class);
    private final Duration tickInterval;
    private final boolean shared;
    /** Clustered: this node's own upkeep between the ticks it wins (see {@link DialCycle#upkeep()}). */
    private ScheduledExecutorService upkeep;

    public QuartzDialCycle(DialCycle engine, Duration tickInterval, Set<LocalDate> holidays, ZoneId holidayZone) {
        this(engine, tickInterval, holidays, holidayZone, null);
    }

    /**
     * With a {@code cluster}, the nodes share their triggers in PostgreSQL: each tick of a campaign runs on exactly
     * one live node, and a stopped node's campaigns keep ticking on the others. Null: an in-memory scheduler.
     */
    public QuartzDialCycle(DialCycle engine, Duration tickInterval, Set<LocalDate> holidays, ZoneId holidayZone,
            QuartzCluster cluster) {
        this(engine, tickInterval, holidays, holidayZone, cluster == null
                ? () -> QuartzSchedulers.inMemory("duecall", 4)
                : () -> QuartzSchedulers.clustered(CLUSTER_NAME, 4, cluster), cluster != null);
    }

    interface SchedulerSource {
        Scheduler open() throws SchedulerException;
    }

    QuartzDialCycle(DialCycle engine, Duration tickInterval, Set<LocalDate> holidays, ZoneId holidayZone,
            SchedulerSource source, boolean shared) {
        if (tickInterval == null || tickInterval.toMillis() < 10) {
            throw new IllegalArgumentException("scheduler.tickInterval: " + tickInterval + " (expected >= PT0.01S)");
        }
        this.tickInterval = tickInterval;
        this.shared = shared;
        try {
            scheduler = source.open();
            // Quartz wants public no-argument jobs; the factory hands each one the engine instead.
            scheduler.setJobFactory((bundle, owner) -> new CampaignTickJob(engine));
            var calendar = new HolidayCalendar();
            calendar.setTimeZone(TimeZone.getTimeZone(holidayZone));
            for (var day : holidays) {
                calendar.addExcludedDate(Date.from(day.atStartOfDay(holidayZone).toInstant()));
            }
            scheduler.addCalendar("holidays", calendar, /* replace= */ true, /* updateTriggers= */ true);
            scheduler.start();
            if (shared) {
                upkeep = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("dial-upkeep").daemon().factory());
                upkeep.scheduleWithFixedDelay(() -> upkeep(engine), tickInterval.toMillis(), tickInterval.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler could not start: " + e.getMessage(), e);
        }
    }

    /** Starts ticking a campaign from {@code startAt} (null: now) until {@code endAt} (null: until stopped). */
    public void start(CampaignId campaign, Instant startAt, Instant endAt) {
        var job = JobBuilder.newJob(CampaignTickJob.class)
                .withIdentity(campaign.value(), GROUP)
                .usingJobData(CampaignTickJob.CAMPAIGN, campaign.value())
                .requestRecovery()
                .build();
        var trigger = TriggerBuilder.newTrigger()
                .withIdentity(campaign.value(), GROUP)
                .startAt(startAt == null ? new Date() : Date.from(startAt))
                .endAt(endAt == null ? null : Date.from(endAt))
                .modifiedByCalendar("holidays")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(tickInterval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.scheduleJob(job, trigger);
        } catch (ObjectAlreadyExistsException e) {
            if (!shared) {
                throw new IllegalStateException("campaign " + campaign + " is already scheduled", e);
            }
            // Another node started it first; its trigger is the cluster's one.
            LOG.info("campaign {} is already scheduled in the cluster", campaign);
        } catch (SchedulerException e) {
            throw new IllegalStateException("campaign " + campaign + " could not be scheduled: " + e.getMessage(), e);
        }
    }

    public void pause(CampaignId campaign) {
        run(() -> scheduler.pauseTrigger(TriggerKey.triggerKey(campaign.value(), GROUP)), campaign);
    }

    public void resume(CampaignId campaign) {
        run(() -> scheduler.resumeTrigger(TriggerKey.triggerKey(campaign.value(), GROUP)), campaign);
    }

    public void stop(CampaignId campaign) {
        run(() -> scheduler.deleteJob(JobKey.jobKey(campaign.value(), GROUP)), campaign);
    }

    /** When the campaign's next dial cycle is due, if it is scheduled at all. */
    public Optional<Instant> nextTick(CampaignId campaign) {
        return QuartzSchedulers.nextFire(scheduler, TriggerKey.triggerKey(campaign.value(), GROUP));
    }

    public boolean running(CampaignId campaign) {
        try {
            return scheduler.checkExists(JobKey.jobKey(campaign.value(), GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler did not answer: " + e.getMessage(), e);
        }
    }

    private static void upkeep(DialCycle engine) {
        try {
            engine.upkeep();
        } catch (RuntimeException e) {
            LOG.warn("upkeep of this node's calls failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (upkeep != null) {
            upkeep.shutdownNow();
        }
        QuartzSchedulers.shutdown(scheduler, "the scheduler");
    }

    private interface SchedulerAction {
        void run() throws SchedulerException;
    }

    /** The Quartz scheduler itself, for tests that listen to its fires. */
    Scheduler scheduler() {
        return scheduler;
    }

    private static void run(SchedulerAction action, CampaignId campaign) {
        try {
            action.run();
        } catch (SchedulerException e) {
            throw new IllegalStateException("campaign " + campaign + ": " + e.getMessage(), e);
        }
    }
}
