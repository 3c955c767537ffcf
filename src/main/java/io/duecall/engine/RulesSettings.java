package io.duecall.engine;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.compliance.AttemptLimits;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.PeakRules;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.WeeklyWindows;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's {@code rules:} block in the configuration file. Every key is optional and falls back to the default
 * of {@link ContactRules#defaults()}; the campaign's own {@code opens}/{@code closes} are the standard window.
 */
public record RulesSettings(
        List<DayOfWeek> closedDays,
        Map<DayOfWeek, DayWindow> days,
        Boolean peakOnly,
        Boolean peakRetriesOnly,
        Integer maxAttemptsPer7Days,
        Duration quietAfterConversation,
        Integer maxConnectedPerDay,
        Integer maxUnansweredPerNumberPerDay,
        Duration minimumGap,
        Map<CallOutcome, Duration> retryDelays,
        Duration abandonLockout,
        Boolean honourHolidays) {

    /** A weekday's own window, such as a Sunday from 13:30. */
    public record DayWindow(LocalTime opens, LocalTime closes) {}

    static ContactRules resolve(RulesSettings settings, CallingWindow standard) {
        var defaults = ContactRules.defaults();
        var weekly = WeeklyWindows.every(standard);
        if (settings == null) {
            return defaults.withWindow(weekly);
        }
        if (settings.days() != null) {
            for (var day : settings.days().entrySet()) {
                var w = day.getValue();
                weekly = weekly.withDay(day.getKey(), new CallingWindow(w.opens() == null ? standard.opens() : w.opens(),
                        w.closes() == null ? standard.closes() : w.closes(), standard.closingMargin()));
            }
        }
        if (settings.closedDays() != null) {
            for (var day : settings.closedDays()) {
                weekly = weekly.closedOn(day);
            }
        }
        var p = defaults.peaks();
        var peaks = new PeakRules(p.windows(), or(settings.peakRetriesOnly(), p.peakRetriesOnly()),
                or(settings.peakOnly(), p.peakOnly()));
        var d = defaults.limits();
        var delays = new EnumMap<CallOutcome, Duration>(d.retryDelays());
        if (settings.retryDelays() != null) {
            delays.putAll(settings.retryDelays());
        }
        var limits = new AttemptLimits(or(settings.maxAttemptsPer7Days(), d.maxAttemptsPer7Days()),
                d.countedOutcomes(), or(settings.quietAfterConversation(), d.quietAfterConversation()),
                d.conversations(), or(settings.maxConnectedPerDay(), d.maxConnectedPerDay()),
                or(settings.maxUnansweredPerNumberPerDay(), d.maxUnansweredPerNumberPerDay()),
                or(settings.minimumGap(), d.minimumGap()), delays, or(settings.abandonLockout(), d.abandonLockout()));
        return new ContactRules(weekly, peaks, limits, Map.of(), or(settings.honourHolidays(), defaults.honourHolidays()));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
