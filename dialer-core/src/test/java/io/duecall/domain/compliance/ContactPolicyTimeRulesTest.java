package io.duecall.domain.compliance;

import static io.duecall.domain.compliance.Debtors.MOBILE;
import static io.duecall.domain.compliance.Debtors.NY;
import static io.duecall.domain.compliance.Debtors.WEDNESDAY_1030;
import static io.duecall.domain.compliance.Debtors.account;
import static io.duecall.domain.compliance.Debtors.history;
import static io.duecall.domain.compliance.Debtors.unanswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.FixedHolidays;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.domain.window.PeakWindow;
import io.duecall.domain.window.WeeklyWindows;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactPolicyTimeRulesTest {
    private static final CallingWindow FROM_1330 = new CallingWindow(LocalTime.of(13, 30), LocalTime.of(21, 0), Duration.ofMinutes(10));

    @Test
    void dialsInsideTheWindowWithNoHistory() {
        var decision = ContactPolicy.defaults().decide(account(), MOBILE, ContactHistory.empty(), NY, WEDNESDAY_1030);

        assertInstanceOf(DialDecision.Dial.class, decision);
    }

    @Test
    void skipsBeforeNineLocalUntilNine() {
        var now = Instant.parse("2026-03-04T13:30:00Z"); // 08:30 in New York

        var decision = ContactPolicy.defaults().decide(account(), MOBILE, ContactHistory.empty(), NY, now);

        assertSkip(SkipReason.OUTSIDE_WINDOW, "2026-03-04T14:00:00Z", decision);
    }

    @Test
    void skipsAfterLastOriginateUntilNextMorning() {
        var now = Instant.parse("2026-03-05T01:55:00Z"); // 20:55 in New York

        var decision = ContactPolicy.defaults().decide(account(), MOBILE, ContactHistory.empty(), NY, now);

        assertSkip(SkipReason.OUTSIDE_WINDOW, "2026-03-05T14:00:00Z", decision);
    }

    @Test
    void closedSundayWaitsUntilMonday() {
        var policy = ContactPolicy.of(ContactRules.defaults().withWindow(WeeklyWindows.defaults().closedOn(DayOfWeek.SUNDAY)));
        var sunday = Instant.parse("2026-03-01T15:30:00Z");

        var decision = policy.decide(account(), MOBILE, ContactHistory.empty(), NY, sunday);

        assertSkip(SkipReason.OUTSIDE_WINDOW, "2026-03-02T14:00:00Z", decision);
    }

    @Test
    void sundayFromHalfPastOneWaitsUntilThen() {
        var policy = ContactPolicy.of(ContactRules.defaults().withWindow(WeeklyWindows.defaults().withDay(DayOfWeek.SUNDAY, FROM_1330)));
        var sunday = Instant.parse("2026-03-01T15:30:00Z");

        var decision = policy.decide(account(), MOBILE, ContactHistory.empty(), NY, sunday);

        assertSkip(SkipReason.OUTSIDE_WINDOW, "2026-03-01T18:30:00Z", decision);
    }

    @Test
    void regionWithNarrowerWindowStopsAtEightForItsDebtorsOnly() {
        var nevada = WeeklyWindows.every(new CallingWindow(LocalTime.of(9, 0), LocalTime.of(20, 0), Duration.ofMinutes(10)));
        var rules = ContactRules.defaults().withRegions(Map.of("NV", RegionOverlay.window(nevada)));
        var inNevada = new ContactPolicy(rules, HolidayCalendar.none(), a -> Optional.of("NV"));
        var elsewhere = new ContactPolicy(rules, HolidayCalendar.none(), a -> Optional.of("NY"));
        var now = Instant.parse("2026-03-05T01:00:00Z"); // 20:00 in New York

        var decision = inNevada.decide(account(), MOBILE, ContactHistory.empty(), NY, now);

        assertSkip(SkipReason.OUTSIDE_WINDOW, "2026-03-05T14:00:00Z", decision);
        assertInstanceOf(DialDecision.Dial.class, elsewhere.decide(account(), MOBILE, ContactHistory.empty(), NY, now));
    }

    @Test
    void holidayOnTheDebtorsLocalDateWaitsForTheNextMorning() {
        var policy = new ContactPolicy(ContactRules.defaults(), FixedHolidays.of(LocalDate.of(2026, 3, 4)), a -> Optional.empty());

        var decision = policy.decide(account(), MOBILE, ContactHistory.empty(), NY, WEDNESDAY_1030);

        assertSkip(SkipReason.HOLIDAY, "2026-03-05T14:00:00Z", decision);
    }

    @Test
    void holidayIsJudgedOnTheLocalDateNotTheUtcDate() {
        var policy = new ContactPolicy(ContactRules.defaults(), FixedHolidays.of(LocalDate.of(2026, 3, 5)), a -> Optional.empty());
        var now = Instant.parse("2026-03-05T00:30:00Z"); // still 19:30 on the 4th in New York

        var decision = policy.decide(account(), MOBILE, ContactHistory.empty(), NY, now);

        assertInstanceOf(DialDecision.Dial.class, decision);
    }

    @Test
    void retryOfDebtorNotReachedWaitsForTheNextPeak() {
        var history = history(unanswered("2026-03-03T15:00:00Z", MOBILE));
        var noon = Instant.parse("2026-03-04T17:00:00Z");

        var decision = ContactPolicy.defaults().decide(account(), MOBILE, history, NY, noon);

        assertSkip(SkipReason.OUTSIDE_PEAK, "2026-03-04T19:00:00Z", decision);
    }

    @Test
    void firstCallIsNotHeldForPeaks() {
        var noon = Instant.parse("2026-03-04T17:00:00Z");

        var decision = ContactPolicy.defaults().decide(account(), MOBILE, ContactHistory.empty(), NY, noon);

        assertInstanceOf(DialDecision.Dial.class, decision);
    }

    @Test
    void peakOnlyCampaignHoldsEvenTheFirstCall() {
        var policy = ContactPolicy.of(ContactRules.defaults().withPeaks(new PeakRules(PeakWindow.defaults(), true, true)));
        var noon = Instant.parse("2026-03-04T17:00:00Z");

        var decision = policy.decide(account(), MOBILE, ContactHistory.empty(), NY, noon);

        assertSkip(SkipReason.OUTSIDE_PEAK, "2026-03-04T19:00:00Z", decision);
    }

    static void assertSkip(SkipReason reason, String next, DialDecision decision) {
        var skip = assertInstanceOf(DialDecision.Skip.class, decision);
        assertEquals(reason, skip.reason(), skip.detail());
        assertEquals(next == null ? null : Instant.parse(next), skip.nextEligible(), skip.detail());
    }
}
