package io.duecall.engine;

import io.duecall.app.LedgerShipper;
import io.duecall.port.LedgerFeed;
import io.duecall.port.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the Redis ledger bounded, on a thread of its own that never holds up dialing: with PostgreSQL, ships the
 * lines there every {@link #SHIP_EVERY} (trimming what is shipped and older than the Redis window); without, trims
 * the lines older than the window every {@link #TRIM_EVERY}.
 */
final class LedgerUpkeep implements AutoCloseable {
    static final Duration SHIP_EVERY = Duration.ofSeconds(1);
    static final Duration TRIM_EVERY = Duration.ofMinutes(1);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ledger-upkeep").daemon().factory());
    private final LedgerShipper shipper;

    private LedgerUpkeep(LedgerShipper shipper) {
        this.shipper = shipper;
    }

    static LedgerUpkeep shipping(LedgerShipper shipper) {
        var upkeep = new LedgerUpkeep(shipper);
        upkeep.thread.scheduleWithFixedDelay(() -> {
            try {
                shipper.shipAll();
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again: report it and ship again next time.
                System.err.println("duecall: shipping the ledger failed (retried in " + SHIP_EVERY.toSeconds() + " s): "
                        + e.getMessage());
            }
        }, 0, SHIP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return upkeep;
    }

    static LedgerUpkeep trimming(LedgerFeed feed, Duration keep) {
        var upkeep = new LedgerUpkeep(null);
        upkeep.thread.scheduleWithFixedDelay(() -> {
            try {
                feed.trim(keep);
            } catch (StoreUnavailableException e) {
                System.err.println("duecall: trimming the Redis ledger failed (retried in " + TRIM_EVERY.toSeconds()
                        + " s): " + e.getMessage());
            }
        }, TRIM_EVERY.toMillis(), TRIM_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return upkeep;
    }

    /** The shipper, or null when the ledger is kept in Redis only. */
    LedgerShipper shipper() {
        return shipper;
    }

    /** Stops, then (with PostgreSQL) ships what the last calls wrote, if PostgreSQL takes it. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (shipper != null) {
            shipper.shipAll();
        }
    }
}
