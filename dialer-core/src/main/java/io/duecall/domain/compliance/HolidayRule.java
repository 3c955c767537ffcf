package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.HolidayCalendar;
import java.time.Instant;
import java.util.Optional;

/** No call on a date that is a holiday where the debtor is, judged on the local date of every zone they may be in. */
final class HolidayRule implements ContactRule {
    private static final int SEARCH_DAYS = 366;
    private final HolidayCalendar calendar;

    HolidayRule(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return "holidays";
    }

    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        var latest = t;
        var holidays = new StringBuilder();
        for (var zone : context.zones()) {
            var date = t.atZone(zone).toLocalDate();
            if (!calendar.isHoliday(date, zone)) {
                continue;
            }
            holidays.append(holidays.isEmpty() ? "" : ", ").append(date).append(" in ").append(zone);
            var next = date.plusDays(1);
            for (int i = 0; i < SEARCH_DAYS && calendar.isHoliday(next, zone); i++) {
                next = next.plusDays(1);
            }
            if (calendar.isHoliday(next, zone)) {
                return Optional.of(new Block(SkipReason.HOLIDAY, null, "a year of holidays in " + zone));
            }
            var start = next.atStartOfDay(zone).toInstant();
            if (start.isAfter(latest)) {
                latest = start;
            }
        }
        if (latest.equals(t)) {
            return Optional.empty();
        }
        return Optional.of(new Block(SkipReason.HOLIDAY, latest, "holiday " + holidays));
    }
}
