package io.duecall.ivr.flow;

import io.duecall.domain.account.Money;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns digits keyed by the caller into a date, an amount or a callback time; anything out of range is empty. */
final class KeyedEntry {
    static final int FIRST_CALLBACK_HOUR = 9;
    static final int LAST_CALLBACK_HOUR = 20;
    private static final Pattern MONTH_DAY = Pattern.compile("([0-9]{2})([0-9]{2})");
    private static final Pattern WHOLE_UNITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern HOUR = Pattern.compile("[0-9]{1,2}");

    private KeyedEntry() {}

    /** Month then day ({@code 0312} for March 12), the next such date from {@code today}, if within the horizon. */
    static Optional<LocalDate> payByDate(String digits, LocalDate today, int horizonDays) {
        var m = MONTH_DAY.matcher(digits);
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.of(today.getYear(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (date.isBefore(today)) {
                date = LocalDate.of(today.getYear() + 1, date.getMonth(), date.getDayOfMonth());
            }
        } catch (DateTimeException notInTheCalendar) {
            return Optional.empty();
        }
        return date.isAfter(today.plusDays(horizonDays)) ? Optional.empty() : Optional.of(date);
    }

    /** Whole units of the currency, more than 0 and at most {@code due}. */
    static Optional<Money> partOf(String digits, Money due) {
        if (!WHOLE_UNITS.matcher(digits).matches()) {
            return Optional.empty();
        }
        var minor = Long.parseLong(digits) * (long) Math.pow(10, due.currency().getDefaultFractionDigits());
        return minor > 0 && minor <= due.minor() ? Optional.of(new Money(minor, due.currency())) : Optional.empty();
    }

    /** An hour from 9 to 20, on the hour, the first such time after {@code now} in the debtor's zone. */
    static Optional<ZonedDateTime> callbackAt(String digits, ZonedDateTime now) {
        if (!HOUR.matcher(digits).matches()) {
            return Optional.empty();
        }
        var hour = Integer.parseInt(digits);
        if (hour < FIRST_CALLBACK_HOUR || hour > LAST_CALLBACK_HOUR) {
            return Optional.empty();
        }
        var today = now.toLocalDate().atTime(LocalTime.of(hour, 0)).atZone(now.getZone());
        return Optional.of(today.isAfter(now) ? today : today.plusDays(1));
    }
}
