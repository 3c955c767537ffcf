package io.duecall.domain.window;

import java.time.LocalTime;
import java.util.List;

/** A stretch of the debtor's day in which people tend to answer, such as 10:00-11:30; start inclusive, end exclusive. */
public record PeakWindow(LocalTime starts, LocalTime ends) {
    public PeakWindow {
        if (starts == null || ends == null || !starts.isBefore(ends)) {
            throw new IllegalArgumentException("peak: " + starts + "-" + ends + " (expected a start before the end)");
        }
    }

    /** 10:00-11:30, 14:00-16:30 and 19:00-21:00, the best contact windows of a large early-collection centre. */
    public static List<PeakWindow> defaults() {
        return List.of(
                new PeakWindow(LocalTime.of(10, 0), LocalTime.of(11, 30)),
                new PeakWindow(LocalTime.of(14, 0), LocalTime.of(16, 30)),
                new PeakWindow(LocalTime.of(19, 0), LocalTime.of(21, 0)));
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(starts) && time.isBefore(ends);
    }

    @Override
    public String toString() {
        return starts + "-" + ends;
    }
}
