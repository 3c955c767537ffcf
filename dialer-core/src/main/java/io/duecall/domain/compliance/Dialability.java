package io.duecall.domain.compliance;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Phone;
import io.duecall.domain.window.DebtorZones;
import io.duecall.domain.window.WeeklyWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the numbers of an account that no rule will ever let the dialer call, so an import can say so instead of
 * keeping them silently: a number with no zone (neither the account nor libphonenumber tells one), and a number
 * whose zones never share an open hour of the calling window in a whole week.
 */
public final class Dialability {
    /** Why a number can never be dialed. */
    public enum Reason {
        /** Neither the account's time_zone nor the number tells where the debtor is. */
        NO_ZONE,
        /** The number's zones never share an open hour of the calling window. */
        NO_WINDOW_INTERSECTION
    }

    /** One number that can never be dialed, and why. */
    public record Problem(Phone phone, Reason reason, Set<ZoneId> zones) {
        @Override
        public String toString() {
            return switch (reason) {
                case NO_ZONE -> phone.number() + " has no time zone (no time_zone given, and the number tells none)";
                case NO_WINDOW_INTERSECTION -> phone.number() + " is judged in " + zones.size() + " zones " + zones
                        + " whose calling windows never overlap";
            };
        }
    }

    private static final Duration STEP = Duration.ofMinutes(15);
    private static final Instant A_MONDAY = Instant.parse("2026-06-01T00:00:00Z");
    private final WeeklyWindows window;
    private final Map<Set<ZoneId>, Boolean> overlapByZones = new ConcurrentHashMap<>();

    public Dialability(WeeklyWindows window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    /** The account's numbers that can never be dialed; empty when every number can be. */
    public List<Problem> problems(Account account) {
        var found = new ArrayList<Problem>();
        for (var phone : account.phones()) {
            var zones = DebtorZones.of(account, phone.number());
            if (zones.isEmpty()) {
                found.add(new Problem(phone, Reason.NO_ZONE, zones));
            } else if (zones.size() > 1 && !overlapByZones.computeIfAbsent(Set.copyOf(zones), this::overlaps)) {
                found.add(new Problem(phone, Reason.NO_WINDOW_INTERSECTION, zones));
            }
        }
        return found;
    }

    /** Whether some quarter hour of a week, in winter or in summer, is open in every zone at once. */
    private boolean overlaps(Set<ZoneId> zones) {
        for (var from : List.of(A_MONDAY, A_MONDAY.plus(Duration.ofDays(182)))) {
            for (var t = from; t.isBefore(from.plus(Duration.ofDays(8))); t = t.plus(STEP)) {
                var at = t;
                if (zones.stream().allMatch(zone -> window.permits(at.atZone(zone)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
