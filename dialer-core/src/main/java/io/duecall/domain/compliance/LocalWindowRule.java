package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.WeeklyWindows;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The weekly calling window, which must permit the call in every zone the debtor may be in. */
record LocalWindowRule(String name, WeeklyWindows windows) implements ContactRule {
    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        var openings = new LinkedHashMap<ZoneId, Instant>();
        for (var zone : context.zones()) {
            var opening = windows.nextOpening(zone, t);
            if (opening.isEmpty()) {
                return Optional.of(new Block(SkipReason.OUTSIDE_WINDOW, null, "no open day in " + zone));
            }
            openings.put(zone, opening.get());
        }
        return ContactRule.untilTheLatest(t, openings.values().stream(),
                until -> new Block(SkipReason.OUTSIDE_WINDOW, until, "outside the window in " + closed(openings, t)));
    }

    /** The zones whose window is closed at {@code t}: their local day and time, and that day's window. */
    private String closed(Map<ZoneId, Instant> openings, Instant t) {
        var closedZones = new StringBuilder();
        openings.forEach((zone, opening) -> {
            if (opening.isAfter(t)) {
                var local = t.atZone(zone);
                var window = windows.on(local.getDayOfWeek()).map(WeeklyWindows::describe).orElse("closed");
                closedZones.append(closedZones.isEmpty() ? "" : ", ").append(zone).append(' ')
                        .append(local.getDayOfWeek()).append(' ').append(local.toLocalTime().withNano(0))
                        .append(" (window ").append(window).append(')');
            }
        });
        return closedZones.toString();
    }
}
