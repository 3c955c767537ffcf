package io.duecall.domain.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AbandonAccountingTest {
    private static final Instant ANSWER = Instant.parse("2025-03-03T15:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    @Test
    void connectionWithinTwoSecondsIsNotAnAbandonButLaterIs() {
        var rule = AbandonRule.defaults();

        assertFalse(rule.abandoned(ANSWER, ANSWER.plusMillis(2000)));
        assertTrue(rule.abandoned(ANSWER, ANSWER.plusMillis(2001)));
        assertTrue(rule.abandoned(ANSWER, null));
        assertFalse(rule.abandoned(1.999));
        assertTrue(rule.abandoned(Double.NaN));
    }

    @Test
    void thresholdIsConfigurable() {
        var rule = new AbandonRule(Duration.ofMillis(500), false);

        assertTrue(rule.abandoned(ANSWER, ANSWER.plusMillis(600)));
    }

    @Test
    void ledgerLinesAreJudgedByTheEnginesVerdict() {
        var ledger = new AbandonLedger(AbandonRule.defaults());

        ledger.record(attempt(CallOutcome.ANSWERED, ANSWER.plusSeconds(1), Disposition.AGENT_CONVERSATION), ZoneOffset.UTC);
        // 40 s in the IVR's identity checks before asking for an agent: no wait for an agent
        ledger.record(attempt(CallOutcome.ANSWERED, ANSWER.plusSeconds(40), Disposition.AGENT_CONVERSATION), ZoneOffset.UTC);
        ledger.record(attempt(CallOutcome.ANSWERED, null, Disposition.THIRD_PARTY), ZoneOffset.UTC);
        ledger.record(attempt(CallOutcome.ANSWERED, null, Disposition.HUNG_UP), ZoneOffset.UTC);
        ledger.record(attempt(CallOutcome.ANSWERED, null, Disposition.ABANDONED), ZoneOffset.UTC);
        ledger.record(attempt(CallOutcome.MACHINE, null, Disposition.MACHINE), ZoneOffset.UTC);

        var counters = ledger.counters(DAY);
        assertEquals(5, counters.liveAnswersToday());
        assertEquals(1, counters.abandonsToday());
    }

    @Test
    void rollingRateCoversExactlyThirtyDays() {
        var ledger = new AbandonLedger(AbandonRule.defaults());
        ledger.liveAnswer(DAY.minusDays(30), true);
        ledger.liveAnswer(DAY.minusDays(29), true);
        for (int i = 0; i < 8; i++) {
            ledger.liveAnswer(DAY, false);
        }
        ledger.liveAnswer(DAY, true);

        assertEquals(2.0 / 10, ledger.rollingRate(DAY), 1e-12);
        assertEquals(1.0 / 9, ledger.dayRate(DAY), 1e-12);
        assertEquals(1.0 / 1, ledger.rollingRate(DAY.minusDays(1)), 1e-12);
    }

    @Test
    void machineFalsePositivesCountOnlyUnderTheUkFormula() {
        var us = new AbandonLedger(AbandonRule.defaults());
        var uk = new AbandonLedger(new AbandonRule(Duration.ofSeconds(2), true));

        us.machineFalsePositive(DAY);
        uk.machineFalsePositive(DAY);

        assertEquals(AbandonCounters.NONE, us.counters(DAY));
        assertEquals(new AbandonCounters(1, 1, 1, 1), uk.counters(DAY));
    }

    private static Attempt attempt(CallOutcome outcome, Instant bridged, Disposition disposition) {
        var answered = outcome.answered() ? ANSWER : null;
        return new Attempt("c1", new CampaignId("c"), new AccountId("a1"), new E164("+14155550123"), ZoneOffset.UTC,
                ANSWER.atZone(ZoneOffset.UTC).toLocalDateTime(), ANSWER.minusSeconds(9), answered, bridged,
                ANSWER.plusSeconds(60), outcome, disposition, bridged == null ? null : "ag1",
                disposition == Disposition.ABANDONED, null, null, null, null);
    }
}
