package io.duecall.domain.promise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PromiseCancellationTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final PromiseToPay PROMISE = new PromiseToPay("c-1", new AccountId("a-1"),
            new CampaignId("reminders"), new Money(5_000, USD), LocalDate.of(2026, 3, 13),
            Instant.parse("2026-03-10T17:00:00Z"));
    private static final Instant NOW = Instant.parse("2026-03-11T15:00:00Z");

    @Test
    void openPromiseIsCancelledWithItsReasonAndTime() {
        var cancelled = PromiseStatus.open(PROMISE).cancelled("  replaced by a payment plan ", NOW);

        assertEquals(new PromiseStatus(PROMISE, PromiseState.CANCELLED, new Money(0, USD), NOW,
                "replaced by a payment plan"), cancelled);
    }

    @Test
    void partlyKeptPromiseKeepsWhatWasPaidWhenCancelled() {
        var partly = new PromiseStatus(PROMISE, PromiseState.PARTLY_KEPT, new Money(2_000, USD), NOW.minusSeconds(60));

        var cancelled = partly.cancelled("dispute", NOW);

        assertEquals(PromiseState.CANCELLED, cancelled.state());
        assertEquals(new Money(2_000, USD), cancelled.paid());
    }

    @ParameterizedTest
    @EnumSource(value = PromiseState.class, names = {"KEPT", "BROKEN", "CANCELLED"})
    void settledPromiseCannotBeCancelled(PromiseState state) {
        var settled = new PromiseStatus(PROMISE, state, new Money(0, USD), NOW.minusSeconds(60));

        var refused = assertThrows(IllegalPromiseTransitionException.class, () -> settled.cancelled("dispute", NOW));

        assertEquals("promise: no transition from " + state + " to CANCELLED", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "two\nlines"})
    void blankOrMultiLineReasonIsRefusedNamingIt(String reason) {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> PromiseStatus.open(PROMISE).cancelled(reason, NOW));

        assertTrue(refused.getMessage().startsWith("reason: '"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("(expected 1 to 200 characters of text on one line)"),
                refused.getMessage());
    }

    @Test
    void reasonLongerThanTwoHundredCharactersIsRefused() {
        var open = PromiseStatus.open(PROMISE);

        assertThrows(IllegalArgumentException.class, () -> open.cancelled("x".repeat(201), NOW));
        assertEquals(200, open.cancelled("x".repeat(200), NOW).note().length());
    }
}
