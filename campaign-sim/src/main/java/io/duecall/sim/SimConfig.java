package io.duecall.sim;

import io.duecall.domain.window.CallingWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One simulated campaign day.
 *
 * @param agents agents on shift, all logging in at the start
 * @param shiftSeconds length of the shift; no call is originated after it
 * @param breakSeconds a break each agent takes once, staggered over the middle of the shift (0: none)
 * @param population who is dialed
 * @param ringTimeout seconds a call rings before giving up
 * @param abandonThreshold seconds a live answer may wait for an agent
 * @param channelLimit most calls up at once
 * @param tickSeconds the pacer is asked at least this often, and after every call event
 * @param dayStart the instant the shift begins
 * @param zone the debtors' zone (and the campaign's reporting zone)
 * @param window the calling window
 * @param answerChances debtors who differ in when they answer, and what the pacer is told of it; null: every debtor
 *     answers with the population's share
 */
public record SimConfig(int agents, double shiftSeconds, double breakSeconds, Population population, double ringTimeout,
        double abandonThreshold, int channelLimit, double tickSeconds, Instant dayStart, ZoneId zone,
        CallingWindow window, AnswerChances answerChances) {
    public SimConfig {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(dayStart, "dayStart");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(window, "window");
        if (agents < 0 || !(shiftSeconds > 0) || !(breakSeconds >= 0) || !(ringTimeout > 0)
                || !(abandonThreshold >= 0) || channelLimit <= 0 || !(tickSeconds > 0)) {
            throw new IllegalArgumentException("sim: agents " + agents + ", shiftSeconds " + shiftSeconds
                    + ", breakSeconds " + breakSeconds + ", ringTimeout " + ringTimeout + ", abandonThreshold "
                    + abandonThreshold + ", channelLimit " + channelLimit + ", tickSeconds " + tickSeconds
                    + " (expected agents >= 0, the rest > 0)");
        }
    }

    /** An 8-hour day from 09:00 New York time, 25 s ring timeout, 2 s threshold, no breaks. */
    public static SimConfig day(int agents, Population population) {
        var zone = ZoneId.of("America/New_York");
        return new SimConfig(agents, 8 * 3600, 0, population, 25, 2, 100_000, 1.0,
                Instant.parse("2025-03-04T14:00:00Z"), zone, CallingWindow.defaults(), null);
    }

    public SimConfig withRingTimeout(double seconds) {
        return new SimConfig(agents, shiftSeconds, breakSeconds, population, seconds, abandonThreshold, channelLimit,
                tickSeconds, dayStart, zone, window, answerChances);
    }

    public SimConfig withDayStart(Instant start) {
        return new SimConfig(agents, shiftSeconds, breakSeconds, population, ringTimeout, abandonThreshold, channelLimit,
                tickSeconds, start, zone, window, answerChances);
    }

    public SimConfig withAbandonThreshold(double seconds) {
        return new SimConfig(agents, shiftSeconds, breakSeconds, population, ringTimeout, seconds, channelLimit,
                tickSeconds, dayStart, zone, window, answerChances);
    }

    public SimConfig withBreaks(double seconds) {
        return new SimConfig(agents, shiftSeconds, seconds, population, ringTimeout, abandonThreshold, channelLimit,
                tickSeconds, dayStart, zone, window, answerChances);
    }

    public SimConfig withAnswerChances(AnswerChances chances) {
        return new SimConfig(agents, shiftSeconds, breakSeconds, population, ringTimeout, abandonThreshold, channelLimit,
                tickSeconds, dayStart, zone, window, chances);
    }
}
