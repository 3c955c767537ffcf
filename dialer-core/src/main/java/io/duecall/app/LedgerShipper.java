package io.duecall.app;

import io.duecall.domain.attempt.Attempt;
import io.duecall.port.LedgerArchive;
import io.duecall.port.LedgerFeed;
import io.duecall.port.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the ledger's lines from the {@link LedgerFeed} (Redis, where the dialer writes them) into the
 * {@link LedgerArchive} (PostgreSQL, where they are kept for years), in batches: a batch is marked shipped only once
 * the archive has stored it, and the feed is trimmed to {@code keep} of recent lines only after that, never past a
 * line not yet shipped. Every node runs one, under its own name; the feed hands each line to one of them and a line
 * held by a shipper that died to another. While the archive is away nothing is marked shipped or trimmed and dialing
 * goes on: the lines wait in the feed, and a later batch stores them (once each, by call id).
 */
public final class LedgerShipper {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerShipper.class);

    /** What one {@link #shipOnce()} did. */
    public record Shipment(int taken, int stored, long trimmed, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private final LedgerFeed feed;
    private final LedgerArchive archive;
    private final String name;
    private final int batch;
    private final Duration claimAfter;
    private final Duration keep;
    private final Set<String> reportedUnreadable = new HashSet<>();
    private volatile String outage;

    /**
     * {@code batch}: lines taken per stream per round; {@code claimAfter}: how long another shipper's unshipped lines
     * wait before this one takes them; {@code keep}: how much of the recent ledger stays in the feed once shipped.
     */
    public LedgerShipper(LedgerFeed feed, LedgerArchive archive, String name, int batch, Duration claimAfter,
            Duration keep) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.archive = Objects.requireNonNull(archive, "archive");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: '" + name + "' (expected the node's name)");
        }
        if (batch <= 0) {
            throw new IllegalArgumentException("batch: " + batch + " (expected > 0)");
        }
        if (claimAfter.isNegative() || keep.isNegative()) {
            throw new IllegalArgumentException("claimAfter " + claimAfter + ", keep " + keep + " (expected >= 0)");
        }
        this.name = name;
        this.batch = batch;
        this.claimAfter = claimAfter;
        this.keep = keep;
    }

    /**
     * Takes one batch, stores it, marks it shipped, then trims. Never throws for a store that is away: the result
     * says what failed, and the lines wait for the next round.
     */
    public Shipment shipOnce() {
        List<LedgerFeed.Line> taken;
        try {
            taken = feed.take(name, batch, claimAfter);
        } catch (StoreUnavailableException e) {
            return failed(0, e);
        }
        var readable = new ArrayList<LedgerFeed.Line>();
        var lines = new ArrayList<Attempt>();
        for (var line : taken) {
            if (line.attempt() == null) {
                // Left unshipped (so never trimmed), and said once: an operator has to look at it.
                if (reportedUnreadable.add(line.stream() + " " + line.id())) {
                    LOG.error("ledger line {} of {} cannot be read and is not shipped: {}", line.id(), line.stream(),
                            line.problem());
                }
                continue;
            }
            readable.add(line);
            lines.add(line.attempt());
        }
        int stored;
        long trimmed;
        try {
            stored = archive.store(lines);
            feed.shipped(readable);
            trimmed = feed.trim(keep);
        } catch (StoreUnavailableException e) {
            return failed(taken.size(), e);
        }
        if (outage != null) {
            LOG.warn("ledger shipping resumed after: {}", outage);
            outage = null;
        }
        return new Shipment(taken.size(), stored, trimmed, null);
    }

    private Shipment failed(int taken, StoreUnavailableException e) {
        if (outage == null) {
            LOG.warn("ledger shipping paused, the lines wait in Redis: {}", e.getMessage());
        }
        outage = e.getMessage();
        return new Shipment(taken, 0, 0, e.getMessage());
    }

    /** Ships until a round takes fewer lines than a full batch of one stream would (caught up) or fails. */
    public long shipAll() {
        long stored = 0;
        while (true) {
            var round = shipOnce();
            stored += round.stored();
            if (!round.ok() || round.taken() < batch) {
                return stored;
            }
        }
    }

    /** The failure of the last round, while the archive or the feed is away; null otherwise. */
    public String outage() {
        return outage;
    }
}
