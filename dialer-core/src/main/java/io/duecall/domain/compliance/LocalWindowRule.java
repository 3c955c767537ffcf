package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.WeeklyWindows;
import java.time.Instant;
import java.util.Optional;

/** The weekly calling window, which must permit the call in every zone the debtor may be in. */
final class LocalWindowRule implements ContactRule {
    private final String name;
    private final WeeklyWindows windows;

    LocalWindowRule(String name, WeeklyWindows windows) {
        this.name = name;
        this.windows = windows;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        var latest = t;
        var closedZones = new StringBuilder();
        for (var zone : context.zones()) {
            var opening = windows.nextOpening(zone, t);
            if (opening.isEmpty()) {
                return Optional.of(new Block(SkipReason.OUTSIDE_WINDOW, null, "no open day in " + zone));
            }
            if (opening.get().isAfter(t)) {
                var local = t.atZone(zone);
                var window = windows.on(local.getDayOfWeek()).map(WeeklyWindows::describe).orElse("closed");
                closedZones.append(closedZones.isEmpty() ? "" : ", ").append(zone).append(' ')
                        .append(local.getDayOfWeek()).append(' ').append(local.toLocalTime().withNano(0))
                        .append(" (window ").append(window).append(')');
                if (opening.get().isAfter(latest)) {
                    latest = opening.get();
                }
            }
        }
        if (latest.equals(t)) {
            return Optional.empty();
        }
        return Optional.of(new Block(SkipReason.OUTSIDE_WINDOW, latest, "outside the window in " + closedZones));
    }
}
