package io.duecall.domain.window;

import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Set;

/**
 * The hours of the debtor's own day in which a call may be placed: from {@code opens} until {@code lastOriginate},
 * which is {@code closes} less the time a call needs to ring and reach an agent. Never earlier than 08:00 nor
 * later than 21:00, whatever the configuration asks; a window outside those bounds is refused, not clamped.
 */
public record CallingWindow(LocalTime opens, LocalTime closes, Duration closingMargin) {
    public static final LocalTime EARLIEST = LocalTime.of(8, 0);
    public static final LocalTime LATEST = LocalTime.of(21, 0);
    private static final int SEARCH_DAYS = 14;

    public CallingWindow {
        if (opens == null || opens.isBefore(EARLIEST)) {
            throw new IllegalArgumentException("window.opens: " + opens + " (expected 08:00 or later)");
        }
        if (closes == null || closes.isAfter(LATEST)) {
            throw new IllegalArgumentException("window.closes: " + closes + " (expected 21:00 or earlier)");
        }
        if (closingMargin == null || closingMargin.isNegative()) {
            throw new IllegalArgumentException("window.closingMargin: " + closingMargin + " (expected >= 0)");
        }
        if (!opens.plus(closingMargin).isBefore(closes)) {
            throw new IllegalArgumentException("window: opens " + opens + " plus closingMargin " + closingMargin
                    + " must be before closes " + closes);
        }
    }

    /** 09:00 to 21:00 with no originate after 20:50. */
    public static CallingWindow defaults() {
        return new CallingWindow(LocalTime.of(9, 0), LocalTime.of(21, 0), Duration.ofMinutes(10));
    }

    /** The last local time at which a call may still be originated. */
    public LocalTime lastOriginate() {
        return closes.minus(closingMargin);
    }

    /** True if a call may be originated at this local time (opens inclusive, last originate exclusive). */
    public boolean permits(ZonedDateTime debtorTime) {
        var t = debtorTime.toLocalTime();
        return !t.isBefore(opens) && t.isBefore(lastOriginate());
    }

    /**
     * Decides for a debtor who may be in any of {@code zones}: dial only if every zone permits the call now;
     * otherwise skip until the first instant at which all of them do.
     */
    public DialDecision decide(Set<ZoneId> zones, Instant now) {
        if (zones.isEmpty()) {
            return new DialDecision.Skip(SkipReason.NO_ZONE, null, "the debtor's time zone cannot be determined");
        }
        var zoneList = zones.stream().sorted(Comparator.comparing(ZoneId::getId)).toList();
        boolean all = zoneList.stream().allMatch(z -> permits(now.atZone(z)));
        if (all) {
            return new DialDecision.Dial(now.atZone(zoneList.getFirst()));
        }
        var next = nextPermitted(zoneList, now);
        var detail = "outside " + opens + "-" + lastOriginate() + " in " + describe(zoneList, now);
        return new DialDecision.Skip(SkipReason.OUTSIDE_WINDOW, next, detail);
    }

    private Instant nextPermitted(java.util.List<ZoneId> zones, Instant from) {
        var limit = from.plus(Duration.ofDays(SEARCH_DAYS));
        var t = from;
        while (t.isBefore(limit)) {
            var latest = t;
            for (var zone : zones) {
                var opening = nextOpening(zone, t);
                if (opening.isAfter(latest)) {
                    latest = opening;
                }
            }
            if (latest.equals(t)) {
                return t;
            }
            t = latest;
        }
        return null;
    }

    /** The first instant at or after {@code from} that this window permits in {@code zone}. */
    public Instant nextOpening(ZoneId zone, Instant from) {
        var local = from.atZone(zone);
        if (permits(local)) {
            return from;
        }
        var date = local.toLocalDate();
        if (!local.toLocalTime().isBefore(opens)) {
            date = date.plusDays(1);
        }
        // atZone moves a time that falls in a spring-forward gap to just after it, which is still inside the window.
        return date.atTime(opens).atZone(zone).toInstant();
    }

    private static String describe(java.util.List<ZoneId> zones, Instant now) {
        var sb = new StringBuilder();
        for (var zone : zones) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(zone.getId()).append(" (").append(now.atZone(zone).toLocalTime().withNano(0)).append(')');
        }
        return sb.toString();
    }
}
