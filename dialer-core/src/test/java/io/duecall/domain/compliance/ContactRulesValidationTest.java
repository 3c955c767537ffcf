package io.duecall.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.PeakWindow;
import io.duecall.domain.window.WeeklyWindows;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ContactRulesValidationTest {
    private static final AttemptLimits D = AttemptLimits.defaults();

    private static List<String> problemsOf(UnaryOperator<ContactRules> change) {
        var e = assertThrows(InvalidContactRulesException.class, () -> change.apply(ContactRules.defaults()));
        return e.problems();
    }

    private static List<String> problemsOfLimits(AttemptLimits limits) {
        return problemsOf(r -> r.withLimits(limits));
    }

    @Test
    void defaultsAreValid() {
        var rules = ContactRules.defaults();

        assertEquals(7, rules.limits().maxAttemptsPer7Days());
    }

    @Test
    void zeroWeeklyCapIsNamed() {
        var limits = new AttemptLimits(0, D.countedOutcomes(), D.quietAfterConversation(), D.conversations(),
                D.maxConnectedPerDay(), D.maxUnansweredPerNumberPerDay(), D.minimumGap(), D.retryDelays(), D.abandonLockout());

        assertEquals(List.of("rules.limits.maxAttemptsPer7Days: 0 (expected > 0)"), problemsOfLimits(limits));
    }

    @Test
    void everyBadLimitGetsItsOwnMessageAtOnce() {
        var delays = new EnumMap<>(D.retryDelays());
        delays.remove(CallOutcome.BUSY);
        delays.put(CallOutcome.FAILED, Duration.ofDays(9));
        var limits = new AttemptLimits(7, Set.of(CallOutcome.MACHINE), Duration.ofDays(-1), Set.of(), 0, -2,
                Duration.ofDays(8), delays, Duration.ofDays(31));

        var problems = problemsOfLimits(limits);

        assertEquals(List.of(
                "rules.limits.maxConnectedPerDay: 0 (expected > 0)",
                "rules.limits.maxUnansweredPerNumberPerDay: -2 (expected > 0)",
                "rules.frequency.counts: [MACHINE] (expected to include ANSWERED)",
                "rules.frequency.counts: [MACHINE] (expected every outcome that connected, [ANSWERED, MACHINE, NO_ANSWER]:"
                        + " Regulation F 1006.14(b)(3) leaves out only calls that do not connect; leaving out"
                        + " [ANSWERED, NO_ANSWER] needs rules.jurisdiction: OUTSIDE_US)",
                "rules.limits.conversations: [] (expected at least one disposition)",
                "rules.limits.quietAfterConversation: PT-24H (expected PT0S to PT720H)",
                "rules.limits.minimumGap: PT192H (expected PT0S to PT168H)",
                "rules.limits.abandonLockout: PT744H (expected PT0S to PT720H)",
                "rules.limits.retryDelays.BUSY: null (expected PT1S to PT168H)",
                "rules.limits.retryDelays.FAILED: PT216H (expected PT1S to PT168H)"), problems);
    }

    @Test
    void dayBothClosedAndGivenAWindowIsContradictory() {
        var window = WeeklyWindows.defaults().withDay(DayOfWeek.SUNDAY, CallingWindow.defaults()).closedOn(DayOfWeek.SUNDAY);

        var problems = problemsOf(r -> r.withWindow(window));

        assertEquals(List.of("rules.window.days.SUNDAY: 09:00-20:50 (expected either a window or closed, not both)"), problems);
    }

    @Test
    void weekWithEveryDayClosedIsRefused() {
        var window = new WeeklyWindows(CallingWindow.defaults(), Map.of(), Set.of(DayOfWeek.values()));

        var problems = problemsOf(r -> r.withWindow(window));

        assertEquals(List.of("rules.window.closed: 7 days (expected at least one open day)"), problems);
    }

    @Test
    void windowBeforeEightIsRefusedNotClamped() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new CallingWindow(LocalTime.of(7, 30), LocalTime.of(21, 0), Duration.ZERO));

        assertTrue(e.getMessage().startsWith("window.opens: 07:30"), e.getMessage());
    }

    @Test
    void peakOutsideTheLegalDayIsNamedByIndex() {
        var peaks = new PeakRules(List.of(new PeakWindow(LocalTime.of(10, 0), LocalTime.of(11, 0)),
                new PeakWindow(LocalTime.of(20, 0), LocalTime.of(22, 0))), true, false);

        var problems = problemsOf(r -> r.withPeaks(peaks));

        assertEquals(List.of("rules.peaks.windows[1]: 20:00-22:00 (expected within 08:00-21:00)"), problems);
    }

    @Test
    void peakOnlyWithoutPeaksIsContradictory() {
        var problems = problemsOf(r -> r.withPeaks(new PeakRules(List.of(), false, true)));

        assertEquals(List.of("rules.peaks.windows: [] (expected at least one peak while peakOnly or peakRetriesOnly is set)"),
                problems);
    }

    @Test
    void peaksThatMissTheCallingWindowAreContradictory() {
        var peaks = new PeakRules(List.of(new PeakWindow(LocalTime.of(8, 0), LocalTime.of(9, 0))), true, false);

        var problems = problemsOf(r -> r.withPeaks(peaks));

        assertEquals(List.of("rules.peaks.windows: [08:00-09:00] (expected at least one to overlap the calling window 09:00-20:50)"),
                problems);
    }

    @Test
    void regionalCapAboveTheCampaignsIsRefused() {
        var problems = problemsOf(r -> r.withRegions(Map.of("MA", RegionOverlay.cap(9))));

        assertEquals(List.of("rules.regions.MA.maxAttemptsPer7Days: 9 (expected 1 to 7; a region may only tighten the campaign's cap)"),
                problems);
    }

    @Test
    void regionalWindowWiderThanTheCampaignsIsRefused() {
        var wide = WeeklyWindows.every(new CallingWindow(LocalTime.of(8, 0), LocalTime.of(21, 0), Duration.ofMinutes(10)));

        var problems = problemsOf(r -> r.withRegions(Map.of("XX", RegionOverlay.window(wide))));

        assertEquals(List.of("rules.regions.XX.window.standard: 08:00-20:50 (expected within the campaign's 09:00-20:50)"),
                problems);
    }

    @Test
    void regionalWindowThatNeverMeetsTheCampaignsIsRefused() {
        var sundaysOnly = WeeklyWindows.defaults().closedOn(DayOfWeek.MONDAY).closedOn(DayOfWeek.TUESDAY)
                .closedOn(DayOfWeek.WEDNESDAY).closedOn(DayOfWeek.THURSDAY).closedOn(DayOfWeek.FRIDAY)
                .closedOn(DayOfWeek.SATURDAY);
        var base = WeeklyWindows.defaults().closedOn(DayOfWeek.SUNDAY);

        var problems = problemsOf(r -> r.withWindow(base).withRegions(Map.of("XX", RegionOverlay.window(sundaysOnly))));

        assertEquals(List.of("rules.regions.XX.window: no hour of the week is open in both this and the campaign's window"
                + " (expected at least one)"), problems);
    }

    @Test
    void narrowingWhatCountsOrWhatIsAConversationIsRefusedUnderRegulationF() {
        var narrowed = D.withCounting(Set.of(CallOutcome.ANSWERED, CallOutcome.MACHINE),
                Set.of(ConversationEvidence.AMOUNT), Jurisdiction.US);

        assertEquals(List.of(
                "rules.frequency.counts: [ANSWERED, MACHINE] (expected every outcome that connected, [ANSWERED, MACHINE,"
                        + " NO_ANSWER]: Regulation F 1006.14(b)(3) leaves out only calls that do not connect; leaving out"
                        + " [NO_ANSWER] needs rules.jurisdiction: OUTSIDE_US)",
                "rules.frequency.conversation: [AMOUNT] (expected to include RIGHT_PARTY and AMOUNT: under Regulation F"
                        + " 1006.14(b)(2) any conversation with the debtor starts the quiet period; narrowing it needs"
                        + " rules.jurisdiction: OUTSIDE_US)"), problemsOfLimits(narrowed));
        var outsideUs = narrowed.withCounting(narrowed.countedOutcomes(), narrowed.conversationEvidence(),
                Jurisdiction.OUTSIDE_US);
        assertEquals(outsideUs, ContactRules.defaults().withLimits(outsideUs).limits());
    }
}
