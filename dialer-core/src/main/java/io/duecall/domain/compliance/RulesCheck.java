package io.duecall.domain.compliance;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.WeeklyWindows;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds every problem in a set of contact rules, each message naming its key, its value and what was expected. */
final class RulesCheck {
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    private RulesCheck() {}

    static List<String> problems(
            WeeklyWindows window, PeakRules peaks, AttemptLimits limits, Map<String, RegionOverlay> regions) {
        var problems = new ArrayList<String>(window.problems("rules.window"));
        checkPeaks(window, peaks, problems);
        checkLimits(limits, problems);
        new TreeMap<>(regions).forEach((name, overlay) -> checkRegion(name, overlay, window, limits, problems));
        return problems;
    }

    static List<String> problems(ContactLimits contacts) {
        var problems = new ArrayList<String>();
        if (contacts.unreachedAttempts() < 1 || contacts.unreachedAttempts() > 100) {
            problems.add("rules.contacts.unreachedAttempts: " + contacts.unreachedAttempts() + " (expected 1 to 100)");
        }
        // The history the rules read reaches back 30 days, so a longer span could never be seen.
        if (contacts.unreachedDays() < 0 || contacts.unreachedDays() > 29) {
            problems.add("rules.contacts.unreachedDays: " + contacts.unreachedDays() + " (expected 0 to 29)");
        }
        if (contacts.maxCallsPerContact() < 0 || contacts.maxCallsPerContact() > 1) {
            problems.add("rules.contacts.maxCallsPerContact: " + contacts.maxCallsPerContact()
                    + " (expected 0 or 1: Regulation F 1006.10 allows one location call per person)");
        }
        return problems;
    }

    private static void checkPeaks(WeeklyWindows window, PeakRules peaks, List<String> problems) {
        var windows = peaks.windows();
        for (int i = 0; i < windows.size(); i++) {
            var peak = windows.get(i);
            if (peak.starts().isBefore(CallingWindow.EARLIEST) || peak.ends().isAfter(CallingWindow.LATEST)) {
                problems.add("rules.peaks.windows[" + i + "]: " + peak + " (expected within 08:00-21:00)");
            }
        }
        if (!peaks.peakOnly() && !peaks.peakRetriesOnly()) {
            return;
        }
        if (windows.isEmpty()) {
            problems.add("rules.peaks.windows: [] (expected at least one peak while peakOnly or peakRetriesOnly is set)");
        } else if (!anyPeakOverlapsAnOpenDay(window, peaks)) {
            problems.add("rules.peaks.windows: " + windows + " (expected at least one to overlap the calling window "
                    + WeeklyWindows.describe(window.standard()) + ")");
        }
    }

    /** A week without an open day is reported on its own; it does not also count as missing every peak. */
    private static boolean anyPeakOverlapsAnOpenDay(WeeklyWindows window, PeakRules peaks) {
        if (window.closed().size() == DayOfWeek.values().length) {
            return true;
        }
        for (var day : DayOfWeek.values()) {
            var open = window.on(day);
            if (open.isPresent() && peaks.windows().stream().anyMatch(p -> p.starts().isBefore(open.get().lastOriginate())
                    && open.get().opens().isBefore(p.ends()))) {
                return true;
            }
        }
        return false;
    }

    private static void checkLimits(AttemptLimits limits, List<String> problems) {
        positive("rules.limits.maxAttemptsPer7Days", limits.maxAttemptsPer7Days(), problems);
        positive("rules.limits.maxConnectedPerDay", limits.maxConnectedPerDay(), problems);
        positive("rules.limits.maxUnansweredPerNumberPerDay", limits.maxUnansweredPerNumberPerDay(), problems);
        if (!limits.countedOutcomes().contains(CallOutcome.ANSWERED)) {
            problems.add("rules.frequency.counts: " + sorted(limits.countedOutcomes()) + " (expected to include ANSWERED)");
        }
        if (limits.jurisdiction() == Jurisdiction.US) {
            var missing = new java.util.TreeSet<>(CallOutcome.connectedOutcomes());
            missing.removeAll(limits.countedOutcomes());
            if (!missing.isEmpty()) {
                problems.add("rules.frequency.counts: " + sorted(limits.countedOutcomes()) + " (expected every outcome"
                        + " that connected, " + sorted(CallOutcome.connectedOutcomes()) + ": Regulation F 1006.14(b)(3)"
                        + " leaves out only calls that do not connect; leaving out " + missing
                        + " needs rules.jurisdiction: OUTSIDE_US)");
            }
            if (!limits.conversationEvidence().containsAll(AttemptLimits.STRICT_CONVERSATION)) {
                problems.add("rules.frequency.conversation: " + sorted(limits.conversationEvidence()) + " (expected to"
                        + " include RIGHT_PARTY and AMOUNT: under Regulation F 1006.14(b)(2) any conversation with the"
                        + " debtor starts the quiet period; narrowing it needs rules.jurisdiction: OUTSIDE_US)");
            }
        }
        if (limits.conversations().isEmpty()) {
            problems.add("rules.limits.conversations: [] (expected at least one disposition)");
        }
        between("rules.limits.quietAfterConversation", limits.quietAfterConversation(), Duration.ZERO, MONTH, problems);
        between("rules.limits.minimumGap", limits.minimumGap(), Duration.ZERO, WEEK, problems);
        between("rules.limits.abandonLockout", limits.abandonLockout(), Duration.ZERO, MONTH, problems);
        for (var outcome : CallOutcome.values()) {
            var delay = limits.retryDelays().get(outcome);
            between("rules.limits.retryDelays." + outcome, delay, Duration.ofSeconds(1), WEEK, problems);
        }
    }

    private static void checkRegion(
            String name, RegionOverlay overlay, WeeklyWindows base, AttemptLimits limits, List<String> problems) {
        var key = "rules.regions." + name;
        if (name.isBlank()) {
            problems.add("rules.regions: '" + name + "' (expected a region name)");
        }
        overlay.window().ifPresent(w -> {
            problems.addAll(w.problems(key + ".window"));
            checkNarrower(key + ".window", w, base, problems);
        });
        overlay.maxAttemptsPer7Days().ifPresent(cap -> {
            if (cap <= 0 || cap > limits.maxAttemptsPer7Days()) {
                problems.add(key + ".maxAttemptsPer7Days: " + cap + " (expected 1 to " + limits.maxAttemptsPer7Days()
                        + "; a region may only tighten the campaign's cap)");
            }
        });
    }

    /**
     * Both windows apply, so an overlay only narrows. One whose standard window is wider than the campaign's cannot
     * be what was meant, and one that leaves no open hour in the week with the campaign's window stops all calls.
     */
    private static void checkNarrower(String key, WeeklyWindows overlay, WeeklyWindows base, List<String> problems) {
        var narrow = overlay.standard();
        var wide = base.standard();
        if (narrow.opens().isBefore(wide.opens()) || narrow.lastOriginate().isAfter(wide.lastOriginate())) {
            problems.add(key + ".standard: " + WeeklyWindows.describe(narrow) + " (expected within the campaign's "
                    + WeeklyWindows.describe(wide) + ")");
        }
        boolean anyOpen = false;
        for (var day : DayOfWeek.values()) {
            var a = overlay.on(day);
            var b = base.on(day);
            anyOpen |= a.isPresent() && b.isPresent() && a.get().opens().isBefore(b.get().lastOriginate())
                    && b.get().opens().isBefore(a.get().lastOriginate());
        }
        if (!anyOpen) {
            problems.add(key + ": no hour of the week is open in both this and the campaign's window"
                    + " (expected at least one)");
        }
    }

    private static String sorted(java.util.Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList().toString();
    }

    private static void positive(String key, int value, List<String> problems) {
        if (value <= 0) {
            problems.add(key + ": " + value + " (expected > 0)");
        }
    }

    private static void between(String key, Duration value, Duration min, Duration max, List<String> problems) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(key + ": " + value + " (expected " + min + " to " + max + ")");
        }
    }
}
