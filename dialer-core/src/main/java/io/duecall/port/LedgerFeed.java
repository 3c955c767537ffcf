package io.duecall.port;

import io.duecall.domain.attempt.Attempt;
import java.time.Duration;
import java.util.List;

/**
 * The ledger's recent lines as a shared work queue for the shippers that copy them into the {@link LedgerArchive}:
 * each line is handed to one shipper, stays pending with it until it says the line is {@link #shipped}, and is
 * handed to another shipper once its own has been silent for a while (it died). Lines are removed only by
 * {@link #trim}, and never before they are shipped.
 */
public interface LedgerFeed {
    /**
     * One line as it waits: the stream and entry it is kept under, and the line ({@code null}, with {@code problem}
     * saying why, when the entry cannot be read).
     */
    record Line(String stream, String id, Attempt attempt, String problem) {}

    /**
     * Up to {@code max} lines per stream for {@code shipper}: first those already handed to it and not yet shipped
     * (it failed to ship them, or it restarted), then those another shipper has held unshipped for at least
     * {@code claimAfter}, then new ones. Starts shipping (creates what the queue needs) on first use.
     */
    List<Line> take(String shipper, int max, Duration claimAfter);

    /** The lines are in the archive: they leave the queue (but stay readable until trimmed). */
    void shipped(List<Line> lines);

    /**
     * Removes the lines appended more than {@code keep} ago (by the store's own clock, which stamped them as they were
     * appended), but never one not yet shipped while any shipper ships this ledger. Returns how many were removed.
     */
    long trim(Duration keep);

    /** How many lines are kept (shipped or not). */
    long retained();

    /** How many lines wait to be shipped or are held by a shipper unshipped; 0 when nothing ships this ledger. */
    long unshipped();
}
