package io.duecall.domain.besttime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Chooses when to place an account's next attempt: among the first permitted instant and the start of every later
 * debtor-local hour within {@code maxHold} that the rules permit, the one with the highest probability of reaching
 * the right party. An account is held back only for a slot at least {@code minLift} times as good as the first
 * permitted one, so that a hair's difference in the estimates never delays a call by a day.
 */
public record BestTime(Duration maxHold, double minLift) {
    public BestTime {
        if (maxHold == null || maxHold.isNegative() || maxHold.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("bestTime.maxHold: " + maxHold + " (expected 0 to 7 days)");
        }
        if (!(minLift >= 1)) {
            throw new IllegalArgumentException("bestTime.minLift: " + minLift + " (expected >= 1)");
        }
    }

    /** Hold an account back at most a day, for a slot at least 10% better. */
    public static BestTime defaults() {
        return new BestTime(Duration.ofHours(24), 1.10);
    }

    /** The chosen instant, its estimate, and the first permitted instant with its estimate, for {@code explain}. */
    public record Choice(Instant at, Propensity chosen, Instant firstPermitted, Propensity first) {
        public boolean heldBack() {
            return !at.equals(firstPermitted);
        }
    }

    /**
     * The best instant at or after {@code firstPermitted} (which the rules permit), judged in {@code zone} (the
     * number's first zone; every zone's rules are in {@code permitted}).
     */
    public Choice choose(Instant firstPermitted, ZoneId zone, Predicate<Instant> permitted,
            Function<LocalDateTime, Propensity> estimate) {
        var first = estimate.apply(local(firstPermitted, zone));
        Instant bestAt = firstPermitted;
        Propensity best = first;
        var limit = firstPermitted.plus(maxHold);
        var hour = firstPermitted.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        for (var t = hour.toInstant(); !t.isAfter(limit); hour = hour.plusHours(1), t = hour.toInstant()) {
            var p = estimate.apply(local(t, zone));
            if (p.reach() > best.reach() && p.reach() >= first.reach() * minLift && permitted.test(t)) {
                bestAt = t;
                best = p;
            }
        }
        return new Choice(bestAt, best, firstPermitted, first);
    }

    private static LocalDateTime local(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDateTime();
    }

    /** The estimate for a debtor-local time, given a function of slots. */
    public static Function<LocalDateTime, Propensity> bySlot(Function<ContactSlot, Propensity> model) {
        return local -> model.apply(ContactSlot.of(local));
    }
}
