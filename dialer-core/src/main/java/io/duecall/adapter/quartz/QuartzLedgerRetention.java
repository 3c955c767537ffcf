package io.duecall.adapter.quartz;

import io.duecall.app.LedgerRetention;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Runs the ledger's retention once a day at {@link #AT} UTC (a cron trigger); on a cluster, one node runs each day's.
 * Quartz only wakes it: which months are over is decided against the engine's clock.
 */
public final class QuartzLedgerRetention extends DailyQuartzJob {
    /** Past midnight UTC, when a month's first day has begun everywhere the partitions are counted. */
    public static final LocalTime AT = LocalTime.of(4, 30);

    /** {@code cluster} null: this node alone, in memory. */
    public QuartzLedgerRetention(LedgerRetention retention, Clock clock, QuartzCluster cluster) {
        super("duecall-ledger-retention", "ledger-retention", "the ledger retention", LedgerRetentionJob.class,
                () -> new LedgerRetentionJob(retention, clock), /* recover= */ false, AT, ZoneOffset.UTC, cluster);
    }

    /** When the next daily retention is due. */
    public Optional<Instant> nextRun() {
        return nextFire();
    }
}
