package io.duecall.domain.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A calling window for each day of the debtor's week: the standard window, replaced on some days by another one
 * (such as Sunday from 13:30) or by no calls at all. Contradictions are reported by {@link #problems(String)}.
 */
public record WeeklyWindows(CallingWindow standard, Map<DayOfWeek, CallingWindow> days, Set<DayOfWeek> closed) {
    private static final int SEARCH_DAYS = 8;

    public WeeklyWindows {
        Objects.requireNonNull(standard, "window.standard");
        days = Map.copyOf(Objects.requireNonNull(days, "window.days"));
        closed = Set.copyOf(Objects.requireNonNull(closed, "window.closed"));
    }

    public static WeeklyWindows every(CallingWindow window) {
        return new WeeklyWindows(window, Map.of(), Set.of());
    }

    /** 09:00 to 21:00 (last originate 20:50) every day of the week. */
    public static WeeklyWindows defaults() {
        return every(CallingWindow.defaults());
    }

    public WeeklyWindows withDay(DayOfWeek day, CallingWindow window) {
        var copy = new HashMap<>(days);
        copy.put(day, window);
        return new WeeklyWindows(standard, copy, closed);
    }

    public WeeklyWindows closedOn(DayOfWeek day) {
        var copy = new HashSet<>(closed);
        copy.add(day);
        return new WeeklyWindows(standard, days, copy);
    }

    /** The window of that day, or empty when no call is placed on it. */
    public Optional<CallingWindow> on(DayOfWeek day) {
        if (closed.contains(day)) {
            return Optional.empty();
        }
        return Optional.of(days.getOrDefault(day, standard));
    }

    public boolean permits(ZonedDateTime debtorTime) {
        return on(debtorTime.getDayOfWeek()).map(w -> w.permits(debtorTime)).orElse(false);
    }

    /** The first instant at or after {@code from} that this schedule permits in {@code zone}; empty if no day is open. */
    public Optional<Instant> nextOpening(ZoneId zone, Instant from) {
        var local = from.atZone(zone);
        if (permits(local)) {
            return Optional.of(from);
        }
        for (int i = 0; i < SEARCH_DAYS; i++) {
            LocalDate date = local.toLocalDate().plusDays(i);
            var window = on(date.getDayOfWeek());
            if (window.isEmpty() || (i == 0 && !local.toLocalTime().isBefore(window.get().opens()))) {
                continue;
            }
            var opening = ZonedDateTime.of(date, window.get().opens(), zone);
            // In a repeated hour the earlier offset may lie before `from`; the later one is then the next opening.
            var instant = opening.toInstant().isAfter(from) ? opening.toInstant()
                    : opening.withLaterOffsetAtOverlap().toInstant();
            if (instant.isAfter(from)) {
                return Optional.of(instant);
            }
        }
        return Optional.empty();
    }

    /** Every contradiction in this schedule, each naming its key under {@code key}. */
    public List<String> problems(String key) {
        var problems = new ArrayList<String>();
        for (var day : days.keySet()) {
            if (closed.contains(day)) {
                problems.add(key + ".days." + day + ": " + describe(days.get(day))
                        + " (expected either a window or closed, not both)");
            }
        }
        if (closed.containsAll(EnumSet.allOf(DayOfWeek.class))) {
            problems.add(key + ".closed: " + closed.size() + " days (expected at least one open day)");
        }
        return problems;
    }

    /** A window as "opens-lastOriginate", such as 09:00-20:50. */
    public static String describe(CallingWindow window) {
        return window.opens() + "-" + window.lastOriginate();
    }
}
