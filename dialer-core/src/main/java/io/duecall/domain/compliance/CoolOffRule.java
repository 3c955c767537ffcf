package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** No attempt until a wait has passed since the most recent matching attempt; the wait may depend on that attempt. */
record CoolOffRule(String name, SkipReason reason, BiPredicate<DialContext, PastAttempt> matches,
        Function<PastAttempt, Duration> waitAfter) implements ContactRule {
    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        var last = context.history().last(a -> matches.test(context, a));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        var attempt = last.get();
        var until = attempt.at().plus(waitAfter.apply(attempt));
        if (!until.isAfter(t)) {
            return Optional.empty();
        }
        return Optional.of(new Block(reason, until, name + " " + waitAfter.apply(attempt) + " after the " + attempt.outcome()
                + "/" + attempt.disposition() + " attempt to " + attempt.number() + " at " + attempt.at()));
    }
}
