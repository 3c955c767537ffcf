package io.duecall.adapter.quartz;

import io.duecall.domain.window.HolidayCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import java.util.TimeZone;

/**
 * Holidays kept in a Quartz {@link org.quartz.impl.calendar.HolidayCalendar}. The calendar holds plain dates; a
 * debtor's local date is looked up as that date, so a holiday is observed from the debtor's own midnight to midnight.
 */
public final class QuartzHolidayCalendar implements HolidayCalendar {
    private final org.quartz.impl.calendar.HolidayCalendar calendar = new org.quartz.impl.calendar.HolidayCalendar();

    public QuartzHolidayCalendar(Set<LocalDate> holidays) {
        calendar.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        for (var day : holidays) {
            calendar.addExcludedDate(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
    }

    @Override
    public boolean isHoliday(LocalDate date, ZoneId zone) {
        return !calendar.isTimeIncluded(date.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC).toEpochMilli());
    }
}
