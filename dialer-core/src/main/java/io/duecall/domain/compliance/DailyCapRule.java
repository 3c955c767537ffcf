package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * At most {@code max} matching attempts in the debtor's local day, in every zone they may be in; a full day frees
 * at the next local midnight.
 */
record DailyCapRule(String name, int max, BiPredicate<DialContext, PastAttempt> counts) implements ContactRule {
    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        return ContactRule.untilTheLatest(t, context.zones().stream().map(zone -> nextFreeDay(context, zone, t)),
                until -> new Block(SkipReason.DAILY_CAP, until, name + ": " + max + " reached for the local day"));
    }

    /** {@code t} while the local day in {@code zone} has room, else the next local midnight there. */
    private Instant nextFreeDay(DialContext context, ZoneId zone, Instant t) {
        var day = t.atZone(zone).toLocalDate();
        long today = context.history().attempts().stream()
                .filter(a -> counts.test(context, a) && a.at().atZone(zone).toLocalDate().equals(day))
                .count();
        return today >= max ? day.plusDays(1).atStartOfDay(zone).toInstant() : t;
    }
}
