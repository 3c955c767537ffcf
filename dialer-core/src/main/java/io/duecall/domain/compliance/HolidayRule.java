package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.HolidayCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

/** No call on a date that is a holiday where the debtor is, judged on the local date of every zone they may be in. */
record HolidayRule(HolidayCalendar calendar) implements ContactRule {
    private static final int SEARCH_DAYS = 366;

    @Override
    public String name() {
        return "holidays";
    }

    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        var workingDays = new ArrayList<Instant>();
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
            workingDays.add(next.atStartOfDay(zone).toInstant());
        }
        return ContactRule.untilTheLatest(t, workingDays.stream(),
                until -> new Block(SkipReason.HOLIDAY, until, "holiday " + holidays));
    }
}
