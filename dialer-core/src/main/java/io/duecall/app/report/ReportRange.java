package io.duecall.app.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The days a report covers, {@code from} through {@code to}, at most {@link #MAX_DAYS} of them. */
public record ReportRange(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 31;

    public ReportRange {
        if (from == null) {
            throw new IllegalArgumentException("from: missing (expected a day, yyyy-mm-dd)");
        }
        if (to == null) {
            throw new IllegalArgumentException("to: missing (expected a day, yyyy-mm-dd)");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: " + to + " (expected on or after from " + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("to: " + to + " (expected at most " + MAX_DAYS + " days from "
                    + from + ", through " + from.plusDays(MAX_DAYS - 1L) + ")");
        }
    }

    public static ReportRange day(LocalDate day) {
        return new ReportRange(day, day);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether {@code at} falls on one of the range's days in {@code zone}. */
    public boolean contains(Instant at, ZoneId zone) {
        return at != null && contains(at.atZone(zone).toLocalDate());
    }
}
