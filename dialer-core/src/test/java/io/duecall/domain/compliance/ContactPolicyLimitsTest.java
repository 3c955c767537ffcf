package io.duecall.domain.compliance;

import static io.duecall.domain.compliance.ContactPolicyTimeRulesTest.assertSkip;
import static io.duecall.domain.compliance.Debtors.HOME;
import static io.duecall.domain.compliance.Debtors.MOBILE;
import static io.duecall.domain.compliance.Debtors.NY;
import static io.duecall.domain.compliance.Debtors.WEDNESDAY_1030;
import static io.duecall.domain.compliance.Debtors.WORK;
import static io.duecall.domain.compliance.Debtors.account;
import static io.duecall.domain.compliance.Debtors.attempt;
import static io.duecall.domain.compliance.Debtors.history;
import static io.duecall.domain.compliance.Debtors.thirdParty;
import static io.duecall.domain.compliance.Debtors.unanswered;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.HolidayCalendar;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactPolicyLimitsTest {
    private final ContactPolicy policy = ContactPolicy.defaults();

    private static ContactHistory sixConnectedOnSixDays() {
        return history(thirdParty("2026-02-26T15:00:00Z", HOME), thirdParty("2026-02-27T15:00:00Z", WORK),
                thirdParty("2026-02-28T15:00:00Z", HOME), thirdParty("2026-03-01T15:00:00Z", WORK),
                thirdParty("2026-03-02T15:00:00Z", HOME), thirdParty("2026-03-03T15:00:00Z", WORK));
    }

    @Test
    void sixConnectedCallsInSevenDaysLeaveRoomForOneMore() {
        var decision = policy.decide(account(), MOBILE, sixConnectedOnSixDays(), NY, WEDNESDAY_1030);

        assertInstanceOf(DialDecision.Dial.class, decision);
    }

    @Test
    void seventhConnectedCallInSevenDaysWaitsUntilTheOldestIsAWeekOld() {
        var history = sixConnectedOnSixDays().with(thirdParty("2026-03-04T10:00:00Z", HOME));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.ATTEMPT_CAP, "2026-03-05T15:00:00Z", decision);
    }

    @Test
    void callsThatNeverConnectedDoNotCountTowardsTheWeeklyCap() {
        var history = history(busy("2026-02-26T15:00:00Z", HOME, CallOutcome.BUSY),
                busy("2026-02-27T15:00:00Z", WORK, CallOutcome.CONGESTION), busy("2026-02-28T15:00:00Z", HOME, CallOutcome.FAILED),
                busy("2026-03-01T15:00:00Z", WORK, CallOutcome.BUSY), busy("2026-03-02T15:00:00Z", HOME, CallOutcome.BUSY),
                busy("2026-03-03T15:00:00Z", WORK, CallOutcome.FAILED), busy("2026-03-04T10:00:00Z", HOME, CallOutcome.BUSY),
                busy("2026-03-04T11:00:00Z", WORK, CallOutcome.CONGESTION));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertInstanceOf(DialDecision.Dial.class, decision);
    }

    @Test
    void callsThatRangOutUnansweredCountTowardsTheWeeklyCap() {
        var history = history(unanswered("2026-02-26T15:00:00Z", HOME), unanswered("2026-02-27T15:00:00Z", WORK),
                unanswered("2026-02-28T15:00:00Z", HOME), unanswered("2026-03-01T15:00:00Z", WORK),
                unanswered("2026-03-02T15:00:00Z", HOME), unanswered("2026-03-03T15:00:00Z", WORK),
                unanswered("2026-03-04T10:00:00Z", HOME));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.ATTEMPT_CAP, "2026-03-05T15:00:00Z", decision);
    }

    private static PastAttempt busy(String at, io.duecall.domain.account.Phone phone, CallOutcome outcome) {
        return PastAttempt.unanswered(java.time.Instant.parse(at), phone.number(), outcome);
    }

    @Test
    void regionalOverlayCapsAtTwoPerSevenDays() {
        var rules = ContactRules.defaults().withRegions(Map.of("MA", RegionOverlay.cap(2)));
        var massachusetts = new ContactPolicy(rules, HolidayCalendar.none(), a -> Optional.of("MA"));
        var history = history(thirdParty("2026-03-01T15:00:00Z", HOME), thirdParty("2026-03-02T15:00:00Z", WORK));

        var decision = massachusetts.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.ATTEMPT_CAP, "2026-03-08T15:00:00Z", decision);
        assertInstanceOf(DialDecision.Dial.class, policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030));
    }

    @Test
    void conversationWithTheDebtorKeepsTheAccountQuietForSevenDays() {
        var history = history(attempt("2026-03-01T15:00:00Z", HOME, CallOutcome.ANSWERED, Disposition.PROMISE_TO_PAY));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.RECENT_CONVERSATION, "2026-03-08T15:00:00Z", decision); // 11:00 EDT, the day clocks go forward
    }

    @Test
    void threeConnectedCallsInTheLocalDayEndTheDay() {
        var history = history(thirdParty("2026-03-04T05:30:00Z", HOME), thirdParty("2026-03-04T06:00:00Z", WORK),
                thirdParty("2026-03-04T07:00:00Z", HOME));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.DAILY_CAP, "2026-03-05T14:00:00Z", decision);
    }

    @Test
    void connectedCallsOfTheLocalDayBeforeDoNotCountToday() {
        var history = history(thirdParty("2026-03-04T03:30:00Z", HOME), thirdParty("2026-03-04T04:00:00Z", WORK),
                thirdParty("2026-03-04T07:00:00Z", HOME)); // the first two were on the 3rd in New York

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertInstanceOf(DialDecision.Dial.class, decision);
    }

    @Test
    void sixUnansweredAttemptsToANumberEndItsDayButNotTheOtherNumbers() {
        var history = history(unanswered("2026-03-04T05:10:00Z", MOBILE), unanswered("2026-03-04T05:20:00Z", MOBILE),
                unanswered("2026-03-04T05:30:00Z", MOBILE), unanswered("2026-03-04T05:40:00Z", MOBILE),
                unanswered("2026-03-04T05:50:00Z", MOBILE), unanswered("2026-03-04T06:00:00Z", MOBILE));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.DAILY_CAP, "2026-03-05T15:00:00Z", decision); // next morning's first peak: still a retry
        assertInstanceOf(DialDecision.Dial.class, policy.decide(account(), HOME, history, NY, WEDNESDAY_1030));
    }

    @Test
    void anotherNumberOfTheSameAccountWaitsForTheMinimumGap() {
        var history = history(thirdParty("2026-03-04T14:00:00Z", HOME));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.RETRY_DELAY, "2026-03-04T16:00:00Z", decision);
    }

    @Test
    void numberReachedByAMachineWaitsFourHours() {
        var history = history(attempt("2026-03-04T12:00:00Z", MOBILE, CallOutcome.MACHINE, Disposition.MACHINE));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.RETRY_DELAY, "2026-03-04T16:00:00Z", decision);
        assertInstanceOf(DialDecision.Dial.class, policy.decide(account(), HOME, history, NY, WEDNESDAY_1030));
    }

    @Test
    void numberWhoseCallWasAbandonedRestsSeventyTwoHours() {
        var abandoned = new PastAttempt(Instant.parse("2026-03-02T15:00:00Z"), MOBILE.number(), CallOutcome.ANSWERED,
                Disposition.ABANDONED, true);

        var decision = policy.decide(account(), MOBILE, history(abandoned), NY, WEDNESDAY_1030);

        assertSkip(SkipReason.ABANDON_LOCKOUT, "2026-03-05T15:00:00Z", decision);
        assertInstanceOf(DialDecision.Dial.class, policy.decide(account(), HOME, history(abandoned), NY, WEDNESDAY_1030));
    }
}
