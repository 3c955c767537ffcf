package io.duecall.adapter.quartz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuartzHolidayCalendarTest {
    private final QuartzHolidayCalendar calendar = new QuartzHolidayCalendar(Set.of(LocalDate.of(2026, 12, 25)));

    @Test
    void holidayIsObservedOnTheDebtorsOwnDateInAnyZone() {
        assertTrue(calendar.isHoliday(LocalDate.of(2026, 12, 25), ZoneId.of("Pacific/Kiritimati")));
        assertTrue(calendar.isHoliday(LocalDate.of(2026, 12, 25), ZoneId.of("Pacific/Pago_Pago")));
    }

    @Test
    void daysAroundTheHolidayAreWorkingDays() {
        assertFalse(calendar.isHoliday(LocalDate.of(2026, 12, 24), ZoneId.of("America/New_York")));
        assertFalse(calendar.isHoliday(LocalDate.of(2026, 12, 26), ZoneId.of("Asia/Kolkata")));
    }
}
