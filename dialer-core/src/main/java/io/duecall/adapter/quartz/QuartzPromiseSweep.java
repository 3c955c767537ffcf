package io.duecall.adapter.quartz;

import io.duecall.app.PromiseFollowUp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Runs the promise follow-up once a day at a local time in a zone (a cron trigger with that time zone). Quartz only
 * wakes it; which promises are over is decided against the engine's clock in each debtor's zone, so a sweep that runs
 * twice or late settles the same promises.
 */
public final class QuartzPromiseSweep extends DailyQuartzJob {
    /** {@code at} should avoid the hours clocks change in {@code zone} (01:00-03:00 in most zones) so no day is skipped. */
    public QuartzPromiseSweep(PromiseFollowUp followUp, Clock clock, LocalTime at, ZoneId zone) {
        this(followUp, clock, at, zone, null);
    }

    /**
     * With a {@code cluster}, one node of the cluster runs each day's sweep; null: this node alone, in memory. A sweep
     * cut short by a node's death is run again by another.
     */
    public QuartzPromiseSweep(PromiseFollowUp followUp, Clock clock, LocalTime at, ZoneId zone, QuartzCluster cluster) {
        super("duecall-promises", "promise-sweep", "the promise sweep", PromiseSweepJob.class,
                () -> new PromiseSweepJob(followUp, clock), /* recover= */ true, at, zone, cluster);
    }

    /** When the next sweep is due. */
    public Optional<Instant> nextSweep() {
        return nextFire();
    }
}
