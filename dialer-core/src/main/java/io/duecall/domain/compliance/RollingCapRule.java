package io.duecall.domain.compliance;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.dial.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * At most {@code cap} counted attempts to the account in any rolling seven days, across all its numbers. The next
 * call is allowed once the cap-th most recent counted attempt is seven days old.
 */
record RollingCapRule(String name, int cap, Set<CallOutcome> counted) implements ContactRule {
    private static final Duration PERIOD = Duration.ofDays(7);

    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        var countedAttempts = context.history().attempts().stream()
                .filter(a -> counted.contains(a.outcome()))
                .toList();
        if (countedAttempts.size() < cap) {
            return Optional.empty();
        }
        var capth = countedAttempts.get(countedAttempts.size() - cap).at();
        var until = capth.plus(PERIOD);
        if (!until.isAfter(t)) {
            return Optional.empty();
        }
        return Optional.of(new Block(SkipReason.ATTEMPT_CAP, until,
                cap + " counted attempts since " + capth + " (at most " + cap + " in 7 days)"));
    }
}
