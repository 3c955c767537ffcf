package io.duecall.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.window.DebtorZones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A number judged in several zones whose peaks never overlap must still be dialable, in the windows' intersection. */
class MultiZoneNumbersTest {
    private static final Phone AUSTRALIAN_MOBILE = new Phone(new E164("+61412345678"), PhoneType.MOBILE);
    private static final Account ACCOUNT = new Account(new AccountId("au-1"), "Alex Example", List.of(AUSTRALIAN_MOBILE),
            Optional.empty(), new Money(40_000, Currency.getInstance("AUD")), LocalDate.of(2026, 2, 1), 10);
    private final ContactPolicy policy = ContactPolicy.defaults();

    @Test
    void anAustralianMobileIsJudgedInSeveralZones() {
        var zones = DebtorZones.of(ACCOUNT, AUSTRALIAN_MOBILE.number());

        assertTrue(zones.size() > 3, zones.toString());
        assertTrue(zones.contains(ZoneId.of("Australia/Perth")) && zones.contains(ZoneId.of("Australia/Sydney")),
                zones.toString());
    }

    @Test
    void aRetryAfterAMissedCallGoesInTheWindowsIntersectionWhenThePeaksNeverOverlap() {
        var zones = DebtorZones.of(ACCOUNT, AUSTRALIAN_MOBILE.number());
        var missed = Instant.parse("2026-03-04T03:00:00Z"); // 14:00 in Sydney, 11:00 in Perth
        var history = Debtors.history(PastAttempt.unanswered(missed, AUSTRALIAN_MOBILE.number(), CallOutcome.NO_ANSWER));
        var now = missed.plus(Duration.ofHours(3));

        var explanation = policy.explain(ACCOUNT, AUSTRALIAN_MOBILE, history, zones, now);

        var peak = explanation.verdicts().stream().filter(v -> v.rule().equals("peak hours")).findFirst().orElseThrow();
        assertTrue(peak.permitsNow(), explanation.describe());
        assertTrue(peak.toString().contains("never overlap"), peak.toString());
        var decision = explanation.decision();
        if (decision instanceof DialDecision.Skip skip) {
            assertNotNull(skip.nextEligible(), skip.toString());
        }
        for (int day = 0; day < 30; day++) {
            var t = now.plus(Duration.ofDays(day));
            assertNotNull(policy.nextNumber(ACCOUNT, history, t).orElse(null), "undialable on day " + day);
        }
    }

    @Test
    void aDialIsPlacedOnlyWhereEveryZoneIsInsideTheWindow() {
        var zones = DebtorZones.of(ACCOUNT, AUSTRALIAN_MOBILE.number());
        var history = Debtors.history(PastAttempt.unanswered(Instant.parse("2026-03-04T03:00:00Z"),
                AUSTRALIAN_MOBILE.number(), CallOutcome.NO_ANSWER));

        var skip = assertInstanceOf(DialDecision.Skip.class,
                policy.decide(ACCOUNT, AUSTRALIAN_MOBILE, history, zones, Instant.parse("2026-03-04T12:00:00Z")));
        var dial = assertInstanceOf(DialDecision.Dial.class,
                policy.decide(ACCOUNT, AUSTRALIAN_MOBILE, history, zones, skip.nextEligible()));

        assertEquals(zones.size(), dial.zones().size());
        for (var zone : zones) {
            assertTrue(policy.rules().window().permits(skip.nextEligible().atZone(zone)), zone.toString());
        }
    }
}
