package io.duecall.app;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.dial.SkipReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Running counts for one campaign, fed by the ledger lines as they are written. Thread-safe. */
public final class CampaignFigures {
    private final AtomicLong dials = new AtomicLong();
    private final AtomicLong humanAnswers = new AtomicLong();
    private final AtomicLong machines = new AtomicLong();
    private final AtomicLong rightPartyContacts = new AtomicLong();
    private final AtomicLong promises = new AtomicLong();
    private final AtomicLong promisedMinor = new AtomicLong();
    private final AtomicLong bridged = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final Map<SkipReason, AtomicLong> skips = new EnumMap<>(SkipReason.class);
    private final Map<SkipReason, AtomicLong> deferrals = new EnumMap<>(SkipReason.class);

    CampaignFigures() {
        for (var reason : SkipReason.values()) {
            skips.put(reason, new AtomicLong());
            deferrals.put(reason, new AtomicLong());
        }
    }

    void dialed() {
        dials.incrementAndGet();
    }

    void skipped(SkipReason reason) {
        skips.get(reason).incrementAndGet();
    }

    /** A call's account goes back to the queue until this rule permits the next call. */
    void deferred(SkipReason reason) {
        deferrals.get(reason).incrementAndGet();
    }

    /** After each call, which rule set the account's next permitted instant, so far. */
    public Map<SkipReason, Long> deferralsByReason() {
        return nonZero(deferrals);
    }

    /** How many claimed accounts each rule has sent back to the queue so far. */
    public Map<SkipReason, Long> skipsByReason() {
        return nonZero(skips);
    }

    private static Map<SkipReason, Long> nonZero(Map<SkipReason, AtomicLong> counters) {
        var copy = new EnumMap<SkipReason, Long>(SkipReason.class);
        counters.forEach((reason, count) -> {
            if (count.get() > 0) {
                copy.put(reason, count.get());
            }
        });
        return copy;
    }

    void closed(Attempt attempt) {
        closed.incrementAndGet();
        if (attempt.outcome() == CallOutcome.MACHINE) {
            machines.incrementAndGet();
        } else if (attempt.outcome() == CallOutcome.ANSWERED) {
            humanAnswers.incrementAndGet();
        }
        if (isRightParty(attempt.disposition())) {
            rightPartyContacts.incrementAndGet();
        }
        if (attempt.promiseAmount() != null) {
            promises.incrementAndGet();
            promisedMinor.addAndGet(attempt.promiseAmount().minor());
        }
        if (attempt.bridgedAt() != null) {
            bridged.incrementAndGet();
        }
        if (attempt.abandoned()) {
            abandoned.incrementAndGet();
        }
    }

    /** A conversation with the verified debtor: what the contact caps count. */
    public static boolean isRightParty(Disposition d) {
        return d == Disposition.PROMISE_TO_PAY || d == Disposition.NO_COMMITMENT
                || d == Disposition.AGENT_CONVERSATION || d == Disposition.OPTED_OUT;
    }

    public Snapshot snapshot() {
        return new Snapshot(dials.get(), closed.get(), humanAnswers.get(), machines.get(), rightPartyContacts.get(),
                promises.get(), promisedMinor.get(), bridged.get(), abandoned.get(), skipsByReason(), deferralsByReason());
    }

    /** The figures at one moment. The abandon rate is abandoned calls over live (human) answers. */
    public record Snapshot(long dials, long closed, long humanAnswers, long machines, long rightPartyContacts,
            long promises, long promisedMinor, long bridged, long abandoned, Map<SkipReason, Long> skipsByReason,
            Map<SkipReason, Long> deferralsByReason) {

        /** Claimed accounts sent back because the debtor's local time was outside the calling window. */
        public long skippedOutsideWindow() {
            return skipsByReason.getOrDefault(SkipReason.OUTSIDE_WINDOW, 0L);
        }

        /** Claimed accounts left because no time zone could be known for the debtor. */
        public long skippedNoZone() {
            return skipsByReason.getOrDefault(SkipReason.NO_ZONE, 0L);
        }

        public double abandonRate() {
            return humanAnswers == 0 ? 0 : (double) abandoned / humanAnswers;
        }
    }
}
