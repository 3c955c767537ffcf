package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.domain.account.RegionCode;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.compliance.AttemptLimits;
import io.duecall.domain.compliance.ContactLimits;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.ConversationEvidence;
import io.duecall.domain.compliance.Jurisdiction;
import io.duecall.domain.compliance.InvalidContactRulesException;
import io.duecall.domain.compliance.PeakRules;
import io.duecall.domain.compliance.RegionOverlay;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.WeeklyWindows;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

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
        Boolean honourHolidays,
        Map<String, RegionSettings> regions,
        ContactSettings contacts,
        FrequencySettings frequency,
        Jurisdiction jurisdiction) {

    /**
     * What the 7-in-7 cap counts ({@code counts}: call outcomes, default every one that connected) and what makes a
     * conversation ({@code conversation}: RIGHT_PARTY, AMOUNT, IDENTITY; default RIGHT_PARTY and AMOUNT). Under
     * {@code jurisdiction: US} (the default) neither may be narrowed below the default.
     */
    public record FrequencySettings(List<CallOutcome> counts, List<ConversationEvidence> conversation) {}

    /** A weekday's own window, such as a Sunday from 13:30. */
    public record DayWindow(LocalTime opens, LocalTime closes) {}

    /** A region's stricter rules, such as {@code NV: { opens: "09:00", closes: "20:00", maxAttemptsPer7Days: 2 }}. */
    public record RegionSettings(LocalTime opens, LocalTime closes, Integer maxAttemptsPer7Days) {}

    /** When third-party contacts may be called, such as {@code contacts: { unreachedAttempts: 6, unreachedDays: 3 }}. */
    public record ContactSettings(Integer unreachedAttempts, Integer unreachedDays, Integer maxCallsPerContact) {}

    /** What an empty {@code rules:} block resolves to: {@link ContactRules#defaults()} in this block's keys. */
    public static RulesSettings defaults() {
        var rules = ContactRules.defaults();
        var limits = rules.limits();
        var contacts = rules.contacts();
        return new RulesSettings(List.of(), Map.of(), rules.peaks().peakOnly(), rules.peaks().peakRetriesOnly(),
                limits.maxAttemptsPer7Days(), limits.quietAfterConversation(), limits.maxConnectedPerDay(),
                limits.maxUnansweredPerNumberPerDay(), limits.minimumGap(), new TreeMap<>(limits.retryDelays()),
                limits.abandonLockout(), rules.honourHolidays(), Map.of(),
                new ContactSettings(contacts.unreachedAttempts(), contacts.unreachedDays(), contacts.maxCallsPerContact()),
                new FrequencySettings(limits.countedOutcomes().stream().sorted().toList(),
                        limits.conversationEvidence().stream().sorted().toList()),
                limits.jurisdiction());
    }

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
        var frequency = settings.frequency() == null ? new FrequencySettings(null, null) : settings.frequency();
        limits = limits.withCounting(
                frequency.counts() == null ? d.countedOutcomes() : java.util.Set.copyOf(frequency.counts()),
                frequency.conversation() == null ? d.conversationEvidence() : java.util.Set.copyOf(frequency.conversation()),
                or(settings.jurisdiction(), d.jurisdiction()));
        var c = defaults.contacts();
        var given = settings.contacts() == null ? new ContactSettings(null, null, null) : settings.contacts();
        var contacts = new ContactLimits(or(given.unreachedAttempts(), c.unreachedAttempts()),
                or(given.unreachedDays(), c.unreachedDays()), or(given.maxCallsPerContact(), c.maxCallsPerContact()));
        return new ContactRules(weekly, peaks, limits, regions(settings.regions(), standard),
                or(settings.honourHolidays(), defaults.honourHolidays()), contacts);
    }

    /**
     * Each region's overlay: its window takes the campaign's closing margin, and what it leaves out is the
     * campaign's. Names must be region codes as accounts carry them; whether an overlay only tightens the
     * campaign's rules is checked by {@link ContactRules}.
     */
    private static Map<String, RegionOverlay> regions(Map<String, RegionSettings> given, CallingWindow standard) {
        if (given == null) {
            return Map.of();
        }
        var problems = new ArrayList<String>();
        var overlays = new TreeMap<String, RegionOverlay>();
        for (var entry : new TreeMap<>(given).entrySet()) {
            var key = "rules.regions." + entry.getKey();
            var region = entry.getValue();
            try {
                new RegionCode(entry.getKey());
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
                continue;
            }
            if (region == null || (region.opens() == null && region.closes() == null && region.maxAttemptsPer7Days() == null)) {
                problems.add(key + ": empty (expected opens, closes or maxAttemptsPer7Days)");
                continue;
            }
            Optional<WeeklyWindows> window = Optional.empty();
            if (region.opens() != null || region.closes() != null) {
                try {
                    window = Optional.of(WeeklyWindows.every(new CallingWindow(or(region.opens(), standard.opens()),
                            or(region.closes(), standard.closes()), standard.closingMargin())));
                } catch (IllegalArgumentException e) {
                    problems.add(key + ".window: " + e.getMessage());
                    continue;
                }
            }
            var cap = region.maxAttemptsPer7Days() == null ? OptionalInt.empty() : OptionalInt.of(region.maxAttemptsPer7Days());
            overlays.put(entry.getKey(), new RegionOverlay(window, cap));
        }
        if (!problems.isEmpty()) {
            throw new InvalidContactRulesException(problems);
        }
        return overlays;
    }
}
