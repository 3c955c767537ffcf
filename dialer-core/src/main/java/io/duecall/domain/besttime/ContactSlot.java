package io.duecall.domain.besttime;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

/**
 * An hour of the debtor's own week in which contact habits are learned: the kind of day (weekdays are pooled, since
 * people's weekdays resemble each other far more than their weekends) and the local hour, 09:00-10:00 being hour 9.
 */
public record ContactSlot(DayKind day, int hour) {
    public static final int COUNT = DayKind.values().length * 24;

    /** Weekdays, Saturdays and Sundays: the three shapes of a week that contact-rate studies tell apart. */
    public enum DayKind {
        WEEKDAY, SATURDAY, SUNDAY;

        static DayKind of(DayOfWeek day) {
            return switch (day) {
                case SATURDAY -> SATURDAY;
                case SUNDAY -> SUNDAY;
                default -> WEEKDAY;
            };
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ContactSlot {
        if (day == null || hour < 0 || hour > 23) {
            throw new IllegalArgumentException("slot: " + day + " hour " + hour + " (expected a day kind and 0-23)");
        }
    }

    public static ContactSlot of(LocalDateTime debtorLocalTime) {
        return new ContactSlot(DayKind.of(debtorLocalTime.getDayOfWeek()), debtorLocalTime.getHour());
    }

    /** A dense index 0..{@link #COUNT}-1, for tables and compact encodings. */
    public int index() {
        return day.ordinal() * 24 + hour;
    }

    public static ContactSlot ofIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("slot index: " + index + " (expected 0-" + (COUNT - 1) + ")");
        }
        return new ContactSlot(DayKind.values()[index / 24], index % 24);
    }

    @Override
    public String toString() {
        return String.format("%s %02d:00-%02d:00", day.label(), hour, (hour + 1) % 24);
    }
}
