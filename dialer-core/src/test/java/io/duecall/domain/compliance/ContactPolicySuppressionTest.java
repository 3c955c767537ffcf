package io.duecall.domain.compliance;

import io.duecall.domain.account.AccountFlag;
import static io.duecall.domain.compliance.ContactPolicyTimeRulesTest.assertSkip;
import static io.duecall.domain.compliance.Debtors.HOME;
import static io.duecall.domain.compliance.Debtors.MOBILE;
import static io.duecall.domain.compliance.Debtors.NY;
import static io.duecall.domain.compliance.Debtors.WEDNESDAY_1030;
import static io.duecall.domain.compliance.Debtors.WORK;
import static io.duecall.domain.compliance.Debtors.account;
import static io.duecall.domain.compliance.Debtors.attempt;
import static io.duecall.domain.compliance.Debtors.history;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ContactPolicySuppressionTest {
    private final ContactPolicy policy = ContactPolicy.defaults();

    @Test
    void numberOnADoNotCallListIsNeverDialed() {
        var history = ContactHistory.empty().with(new Suppression(Set.of(MOBILE.number()), Set.of(), Set.of()));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.DO_NOT_CALL, null, decision);
        assertInstanceOf(DialDecision.Dial.class, policy.decide(account(), HOME, history, NY, WEDNESDAY_1030));
    }

    @Test
    void numberTheDebtorOptedOutOfIsNeverDialed() {
        var history = ContactHistory.empty().with(new Suppression(Set.of(), Set.of(MOBILE.number()), Set.of()));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.OPTED_OUT, null, decision);
    }

    @Test
    void optOutDuringACallHoldsLongAfterTheQuietWeek() {
        var history = history(attempt("2026-01-05T15:00:00Z", MOBILE, CallOutcome.ANSWERED, Disposition.OPTED_OUT));

        var decision = policy.decide(account(), MOBILE, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.OPTED_OUT, null, decision);
        assertInstanceOf(DialDecision.Dial.class, policy.decide(account(), HOME, history, NY, WEDNESDAY_1030));
    }

    @ParameterizedTest
    @EnumSource(value = AccountFlag.class, names = {"DISPUTE", "BANKRUPTCY", "DECEASED", "ATTORNEY_REPRESENTED"})
    void flaggedAccountIsNeverDialedOnAnyNumber(AccountFlag flag) {
        var history = ContactHistory.empty().with(Suppression.flagged(flag));

        var decision = policy.decide(account(), HOME, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.ACCOUNT_FLAGGED, null, decision);
    }

    @Test
    void debtorWhoAskedNotToBeCalledAtWorkIsStillCalledAtHome() {
        var history = ContactHistory.empty().with(Suppression.flagged(AccountFlag.DO_NOT_CALL_AT_WORK));

        var decision = policy.decide(account(), WORK, history, NY, WEDNESDAY_1030);

        assertSkip(SkipReason.WORK_NUMBER_SUPPRESSED, null, decision);
        assertInstanceOf(DialDecision.Dial.class, policy.decide(account(), HOME, history, NY, WEDNESDAY_1030));
    }

    @Test
    void workNumberIsDialedWithoutTheRequest() {
        var decision = policy.decide(account(), WORK, ContactHistory.empty(), NY, WEDNESDAY_1030);

        assertInstanceOf(DialDecision.Dial.class, decision);
    }

    @Test
    void debtorWithoutAKnownZoneIsNotDialed() {
        var decision = policy.decide(account(), MOBILE, ContactHistory.empty(), Set.of(), WEDNESDAY_1030);

        assertSkip(SkipReason.NO_ZONE, null, decision);
    }
}
