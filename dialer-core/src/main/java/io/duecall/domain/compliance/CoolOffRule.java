package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** No attempt until a wait has passed since the most recent matching attempt; the wait may depend on that attempt. */
final class CoolOffRule implements ContactRule {
    private final String name;
    private final SkipReason reason;
    private final BiPredicate<DialContext, PastAttempt> matches;
    private final Function<PastAttempt, Duration> wait;

    CoolOffRule(String name, SkipReason reason, BiPredicate<DialContext, PastAttempt> matches,
            Function<PastAttempt, Duration> wait) {
        this.name = name;
        this.reason = reason;
        this.matches = matches;
        this.wait = wait;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        var last = context.history().last(a -> matches.test(context, a));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        var attempt = last.get();
        var until = attempt.at().plus(wait.apply(attempt));
        if (!until.isAfter(t)) {
            return Optional.empty();
        }
        return Optional.of(new Block(reason, until, name + " " + wait.apply(attempt) + " after the " + attempt.outcome()
                + "/" + attempt.disposition() + " attempt to " + attempt.number() + " at " + attempt.at()));
    }
}
