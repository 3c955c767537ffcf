package io.duecall.domain.compliance;

import io.duecall.domain.account.AccountFlag;
import static io.duecall.domain.compliance.Debtors.HOME;
import static io.duecall.domain.compliance.Debtors.MOBILE;
import static io.duecall.domain.compliance.Debtors.NY;
import static io.duecall.domain.compliance.Debtors.WEDNESDAY_1030;
import static io.duecall.domain.compliance.Debtors.WORK;
import static io.duecall.domain.compliance.Debtors.account;
import static io.duecall.domain.compliance.Debtors.history;
import static io.duecall.domain.compliance.Debtors.thirdParty;
import static io.duecall.domain.compliance.Debtors.unanswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactPolicyExplanationTest {
    private final ContactPolicy policy = ContactPolicy.defaults();

    @Test
    void explanationListsEveryRuleWithItsOwnNextPermittedInstant() {
        var history = history(thirdParty("2026-03-04T05:30:00Z", HOME), thirdParty("2026-03-04T06:00:00Z", WORK),
                thirdParty("2026-03-04T14:00:00Z", HOME));

        var explanation = policy.explain(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertEquals(12, explanation.verdicts().size());
        var blocking = explanation.blocking();
        assertEquals(2, blocking.size(), explanation.describe());
        assertEquals("answered calls per day", blocking.get(0).rule());
        assertEquals(Instant.parse("2026-03-05T05:00:00Z"), blocking.get(0).nextPermitted()); // local midnight
        assertEquals("minimum gap", blocking.get(1).rule());
        assertEquals(Instant.parse("2026-03-04T16:00:00Z"), blocking.get(1).nextPermitted());
        var skip = assertInstanceOf(DialDecision.Skip.class, explanation.decision());
        assertEquals(SkipReason.DAILY_CAP, skip.reason());
        assertEquals(Instant.parse("2026-03-05T14:00:00Z"), skip.nextEligible());
        assertTrue(skip.detail().contains("minimum gap"), skip.detail());
    }

    @Test
    void nextNumberStartsWithTheMobileEarlyOn() {
        var picked = policy.nextNumber(account(3), ContactHistory.empty(), WEDNESDAY_1030);

        assertEquals(Optional.of(MOBILE), picked);
    }

    @Test
    void nextNumberMovesToHomeAfterAnUnansweredMobileThenToWork() {
        var afterMobile = history(unanswered("2026-03-04T13:00:00Z", MOBILE));
        var afterHome = afterMobile.with(unanswered("2026-03-04T13:30:00Z", HOME));
        var later = Instant.parse("2026-03-04T19:00:00Z"); // 14:00 local, a peak, past every delay

        assertEquals(Optional.of(HOME), policy.nextNumber(account(20), afterMobile, later));
        assertEquals(Optional.of(WORK), policy.nextNumber(account(20), afterHome, later));
    }

    @Test
    void nextNumberSkipsSuppressedNumbers() {
        var history = ContactHistory.empty().with(new Suppression(Set.of(MOBILE.number()), Set.of(), Set.of(AccountFlag.DO_NOT_CALL_AT_WORK)));

        var picked = policy.nextNumber(account(40), history, WEDNESDAY_1030);

        assertEquals(Optional.of(HOME), picked);
    }

    @Test
    void nextNumberIsEmptyForAFlaggedAccount() {
        var history = ContactHistory.empty().with(Suppression.flagged(AccountFlag.DECEASED));

        var picked = policy.nextNumber(account(), history, WEDNESDAY_1030);

        assertEquals(Optional.empty(), picked);
    }

    @Test
    void stagesFollowDaysPastDue() {
        assertEquals(DelinquencyStage.EARLY, DelinquencyStage.of(5));
        assertEquals(DelinquencyStage.MIDDLE, DelinquencyStage.of(6));
        assertEquals(DelinquencyStage.MIDDLE, DelinquencyStage.of(29));
        assertEquals(DelinquencyStage.LATE, DelinquencyStage.of(30));
    }
}
