package io.duecall.domain.compliance;

import io.duecall.domain.window.WeeklyWindows;
import java.util.Map;
import java.util.Objects;

/**
 * A campaign's contact rules: when the debtor may be called, in which hours retries go, how often, the stricter
 * overlays of some regions (keyed by region name), and when third-party contacts may be called. Every problem is
 * reported at once, naming its key.
 *
 * @param honourHolidays whether the holiday calendar closes the debtor's local holidays
 */
public record ContactRules(
        WeeklyWindows window, PeakRules peaks, AttemptLimits limits, Map<String, RegionOverlay> regions,
        boolean honourHolidays, ContactLimits contacts) {

    public ContactRules {
        Objects.requireNonNull(window, "rules.window");
        Objects.requireNonNull(peaks, "rules.peaks");
        Objects.requireNonNull(limits, "rules.limits");
        regions = Map.copyOf(Objects.requireNonNull(regions, "rules.regions"));
        Objects.requireNonNull(contacts, "rules.contacts");
        var problems = RulesCheck.problems(window, peaks, limits, regions);
        problems.addAll(RulesCheck.problems(contacts));
        if (!problems.isEmpty()) {
            throw new InvalidContactRulesException(problems);
        }
    }

    /** Rules with the default limits for third-party contacts. */
    public ContactRules(WeeklyWindows window, PeakRules peaks, AttemptLimits limits, Map<String, RegionOverlay> regions,
            boolean honourHolidays) {
        this(window, peaks, limits, regions, honourHolidays, ContactLimits.defaults());
    }

    /** 09:00-21:00 every day, peaks for retries, the default limits, no regional overlays, holidays observed. */
    public static ContactRules defaults() {
        return new ContactRules(WeeklyWindows.defaults(), PeakRules.defaults(), AttemptLimits.defaults(), Map.of(),
                /* honourHolidays= */ true);
    }

    public ContactRules withWindow(WeeklyWindows replacement) {
        return new ContactRules(replacement, peaks, limits, regions, honourHolidays, contacts);
    }

    public ContactRules withPeaks(PeakRules replacement) {
        return new ContactRules(window, replacement, limits, regions, honourHolidays, contacts);
    }

    public ContactRules withLimits(AttemptLimits replacement) {
        return new ContactRules(window, peaks, replacement, regions, honourHolidays, contacts);
    }

    public ContactRules withContacts(ContactLimits replacement) {
        return new ContactRules(window, peaks, limits, regions, honourHolidays, replacement);
    }

    public ContactRules withRegions(Map<String, RegionOverlay> replacement) {
        return new ContactRules(window, peaks, limits, replacement, honourHolidays, contacts);
    }
}
