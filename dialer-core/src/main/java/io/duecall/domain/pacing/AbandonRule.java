package io.duecall.domain.pacing;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the rules call an abandoned call: a live answer not connected to an agent within {@code threshold} of the
 * answer (2 s in the US rules). Under the UK formula, live people whom answering-machine detection hung up on
 * (its false positives) count as abandoned live answers too.
 */
public record AbandonRule(Duration threshold, boolean countMachineFalsePositives) {
    public AbandonRule {
        Objects.requireNonNull(threshold, "abandon.threshold");
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("abandon.threshold: " + threshold + " (expected >= 0)");
        }
    }

    /** A 2-second threshold, machine false positives not counted (the US rule). */
    public static AbandonRule defaults() {
        return new AbandonRule(Duration.ofSeconds(2), false);
    }

    /** True if a live answer at {@code answeredAt} connected at {@code connectedAt} (null: never) is abandoned. */
    public boolean abandoned(Instant answeredAt, Instant connectedAt) {
        Objects.requireNonNull(answeredAt, "answeredAt");
        return connectedAt == null || Duration.between(answeredAt, connectedAt).compareTo(threshold) > 0;
    }

    /** The same, for seconds from answer to connection (NaN: never connected). */
    public boolean abandoned(double secondsToConnect) {
        return Double.isNaN(secondsToConnect) || secondsToConnect * 1e9 > threshold.toNanos();
    }

    /**
     * How an agent campaign's ledger line counts: not a live answer, a live answer not abandoned, or an abandon. The
     * line carries the engine's own verdict, timed from the moment the caller asked for an agent: the time a caller
     * spends in the IVR before that (identity checks) is no wait for an agent, and a caller who hangs up in the IVR
     * or turns out to be someone else was never abandoned.
     */
    public Verdict judge(Attempt a) {
        if (a.outcome() != CallOutcome.ANSWERED || a.answeredAt() == null) {
            return Verdict.NOT_LIVE;
        }
        return a.abandoned() || a.disposition() == Disposition.ABANDONED ? Verdict.ABANDONED : Verdict.CONNECTED;
    }

    /** {@code CONNECTED}: a live answer that was not abandoned (bridged, or ended in the IVR by the caller). */
    public enum Verdict { NOT_LIVE, CONNECTED, ABANDONED }
}
