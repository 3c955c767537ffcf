package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * At most {@code max} matching attempts in the debtor's local day, in every zone they may be in; a full day frees
 * at the next local midnight.
 */
final class DailyCapRule implements ContactRule {
    private final String name;
    private final int max;
    private final BiPredicate<DialContext, PastAttempt> counts;

    DailyCapRule(String name, int max, BiPredicate<DialContext, PastAttempt> counts) {
        this.name = name;
        this.max = max;
        this.counts = counts;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        var latest = t;
        for (var zone : context.zones()) {
            var day = t.atZone(zone).toLocalDate();
            long today = context.history().attempts().stream()
                    .filter(a -> counts.test(context, a) && a.at().atZone(zone).toLocalDate().equals(day))
                    .count();
            if (today >= max) {
                var midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
                if (midnight.isAfter(latest)) {
                    latest = midnight;
                }
            }
        }
        if (latest.equals(t)) {
            return Optional.empty();
        }
        return Optional.of(new Block(SkipReason.DAILY_CAP, latest, name + ": " + max + " reached for the local day"));
    }
}
