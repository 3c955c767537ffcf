package io.duecall.engine.config;

import java.time.Instant;

/** When Quartz starts and stops a campaign's dial cycle; null means at once, or until stopped. */
public record RunDates(Instant startAt, Instant endAt) {
    public static final RunDates ALWAYS = new RunDates(null, null);
}
