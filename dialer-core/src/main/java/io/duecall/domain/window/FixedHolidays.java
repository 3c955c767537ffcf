package io.duecall.domain.window;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Holidays held in memory: dates observed in every zone, plus dates observed only in particular zones.
 * Evaluated on the debtor's local date.
 */
public record FixedHolidays(Set<LocalDate> everywhere, Map<ZoneId, Set<LocalDate>> byZone) implements HolidayCalendar {
    public FixedHolidays {
        Objects.requireNonNull(everywhere, "holidays.everywhere");
        Objects.requireNonNull(byZone, "holidays.byZone");
        everywhere = Set.copyOf(everywhere);
        byZone = Map.copyOf(byZone);
    }

    public static FixedHolidays of(LocalDate... dates) {
        return new FixedHolidays(Set.of(dates), Map.of());
    }

    @Override
    public boolean isHoliday(LocalDate date, ZoneId zone) {
        return everywhere.contains(date) || byZone.getOrDefault(zone, Set.of()).contains(date);
    }
}
