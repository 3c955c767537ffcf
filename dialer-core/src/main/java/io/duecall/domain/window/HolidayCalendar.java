package io.duecall.domain.window;

import java.time.LocalDate;
import java.time.ZoneId;

/** Tells whether a date is a public holiday where the debtor lives; no call is placed on such a local date. */
public interface HolidayCalendar {

    boolean isHoliday(LocalDate date, ZoneId zone);

    /** A calendar without holidays, for campaigns that do not observe any. */
    static HolidayCalendar none() {
        return (date, zone) -> false;
    }
}
