package io.duecall.app;

import io.duecall.port.LedgerArchive;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Drops the archive's months that lie wholly before {@code retention} ago: a line is kept at least that long and at
 * most a month longer (months go whole, as partitions). Call recordings are not DueCall's to drop: they are written
 * and kept by the PBX, whose own housekeeping must follow the same retention.
 */
public final class LedgerRetention {
    private final LedgerArchive archive;
    private final Duration retention;

    public LedgerRetention(LedgerArchive archive, Duration retention) {
        this.archive = Objects.requireNonNull(archive, "archive");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention: " + retention + " (expected > 0)");
        }
        this.retention = retention;
    }

    /** The first month kept at {@code now}: the month of the instant {@code retention} ago. */
    public YearMonth firstKept(Instant now) {
        return YearMonth.from(now.minus(retention).atZone(ZoneOffset.UTC));
    }

    /** Drops the months before {@link #firstKept}; returns them. */
    public List<YearMonth> run(Instant now) {
        return archive.dropBefore(firstKept(now));
    }
}
