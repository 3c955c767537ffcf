package io.duecall.domain.campaign;

import io.duecall.domain.attempt.CallOutcome;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** How long an account waits before its next attempt, by how the last one went, and how many attempts it gets. */
public record RetryPolicy(Map<CallOutcome, Duration> delays, int maxAttempts) {
    public RetryPolicy {
        if (delays == null) {
            throw new IllegalArgumentException("retry.delays: missing");
        }
        for (var outcome : CallOutcome.values()) {
            var d = delays.get(outcome);
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("retry.delays." + outcome + ": " + d + " (expected > 0)");
            }
        }
        if (maxAttempts <= 0) {
            throw new IllegalArgumentException("retry.maxAttempts: " + maxAttempts + " (expected > 0)");
        }
        delays = Map.copyOf(new EnumMap<>(delays));
    }

    public static RetryPolicy defaults() {
        var d = new EnumMap<CallOutcome, Duration>(CallOutcome.class);
        d.put(CallOutcome.ANSWERED, Duration.ofDays(1));
        d.put(CallOutcome.MACHINE, Duration.ofHours(4));
        d.put(CallOutcome.NO_ANSWER, Duration.ofHours(2));
        d.put(CallOutcome.BUSY, Duration.ofHours(2));
        d.put(CallOutcome.CONGESTION, Duration.ofHours(2));
        d.put(CallOutcome.FAILED, Duration.ofHours(6));
        return new RetryPolicy(d, 6);
    }

    public Duration delayAfter(CallOutcome outcome) {
        return delays.get(outcome);
    }
}
