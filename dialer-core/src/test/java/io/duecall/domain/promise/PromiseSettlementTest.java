package io.duecall.domain.promise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromiseSettlementTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final AccountId ACCOUNT = new AccountId("a-1");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    /** Promised at 10:00 in Los Angeles on Tuesday 2026-03-10, to pay 50.00 by Friday. */
    private static final PromiseToPay PROMISE = new PromiseToPay("c-1", ACCOUNT, new CampaignId("reminders"),
            new Money(5_000, USD), LocalDate.of(2026, 3, 13), Instant.parse("2026-03-10T17:00:00Z"));
    /** Saturday 00:00 in Los Angeles (PDT, UTC-7). */
    private static final Instant DEADLINE = Instant.parse("2026-03-14T07:00:00Z");
    private static final Instant BEFORE_DEADLINE = DEADLINE.minusSeconds(1);

    @Test
    void deadlineIsTheDebtorsMidnightAfterThePayByDate() {
        var deadline = PromiseSettlement.deadline(PROMISE, Set.of(LOS_ANGELES));

        assertEquals(DEADLINE, deadline);
    }

    @Test
    void withSeveralPlausibleZonesTheLastMidnightCounts() {
        var deadline = PromiseSettlement.deadline(PROMISE, Set.of(ZoneId.of("America/New_York"), LOS_ANGELES,
                ZoneId.of("Pacific/Honolulu")));

        assertEquals(Instant.parse("2026-03-14T10:00:00Z"), deadline);
        assertThrows(IllegalArgumentException.class, () -> PromiseSettlement.deadline(PROMISE, Set.of()));
    }

    @Test
    void fullPaymentInTheWindowKeepsThePromise() {
        var settlement = PromiseSettlement.settle(PROMISE, DEADLINE, List.of(payment("p-1", 5_000, "2026-03-12T20:00:00Z")),
                BEFORE_DEADLINE);

        assertEquals(new PromiseSettlement.Settlement(PromiseState.KEPT, new Money(5_000, USD)), settlement);
    }

    @Test
    void severalPaymentsAddUpAndAnOverpaymentCountsAsThePromisedAmount() {
        var payments = List.of(payment("p-1", 2_000, "2026-03-11T00:00:00Z"), payment("p-2", 4_000, "2026-03-13T23:00:00Z"));

        var settlement = PromiseSettlement.settle(PROMISE, DEADLINE, payments, BEFORE_DEADLINE);

        assertEquals(new PromiseSettlement.Settlement(PromiseState.KEPT, new Money(5_000, USD)), settlement);
    }

    @Test
    void partPaymentBeforeTheDeadlineIsPartlyKept() {
        var settlement = PromiseSettlement.settle(PROMISE, DEADLINE, List.of(payment("p-1", 1_999, "2026-03-11T00:00:00Z")),
                BEFORE_DEADLINE);

        assertEquals(new PromiseSettlement.Settlement(PromiseState.PARTLY_KEPT, new Money(1_999, USD)), settlement);
    }

    @Test
    void atTheDeadlineAnUnpaidOrPartlyPaidPromiseIsBroken() {
        var part = List.of(payment("p-1", 1_999, "2026-03-11T00:00:00Z"));

        var partlyPaid = PromiseSettlement.settle(PROMISE, DEADLINE, part, DEADLINE);
        var unpaid = PromiseSettlement.settle(PROMISE, DEADLINE, List.of(), DEADLINE);

        assertEquals(new PromiseSettlement.Settlement(PromiseState.BROKEN, new Money(1_999, USD)), partlyPaid);
        assertEquals(new PromiseSettlement.Settlement(PromiseState.BROKEN, new Money(0, USD)), unpaid);
    }

    @Test
    void paymentsOutsideTheWindowInAnotherCurrencyOrOnAnotherAccountDoNotCount() {
        var payments = List.of(
                payment("before", 5_000, "2026-03-10T16:59:59Z"),
                payment("at-deadline", 5_000, DEADLINE.toString()),
                new Payment(ACCOUNT, new Money(5_000, Currency.getInstance("EUR")), Instant.parse("2026-03-12T00:00:00Z"), "eur"),
                new Payment(new AccountId("a-2"), new Money(5_000, USD), Instant.parse("2026-03-12T00:00:00Z"), "other"),
                payment("at-promise", 100, "2026-03-10T17:00:00Z"));

        var settlement = PromiseSettlement.settle(PROMISE, DEADLINE, payments, BEFORE_DEADLINE);

        assertEquals(new PromiseSettlement.Settlement(PromiseState.PARTLY_KEPT, new Money(100, USD)), settlement);
    }

    @Test
    void statusMovesOnlyAlongLegalTransitionsAndKeepsItselfWhenNothingChanged() {
        var open = PromiseStatus.open(PROMISE);
        var at = Instant.parse("2026-03-12T00:00:00Z");
        var partly = open.after(new PromiseSettlement.Settlement(PromiseState.PARTLY_KEPT, new Money(10, USD)), at);

        var morePaid = partly.after(new PromiseSettlement.Settlement(PromiseState.PARTLY_KEPT, new Money(20, USD)), at);

        assertSame(open, open.after(new PromiseSettlement.Settlement(PromiseState.OPEN, new Money(0, USD)), at));
        assertEquals(new PromiseStatus(PROMISE, PromiseState.PARTLY_KEPT, new Money(20, USD), at), morePaid);
        var kept = morePaid.after(new PromiseSettlement.Settlement(PromiseState.KEPT, new Money(5_000, USD)), at);
        assertThrows(IllegalPromiseTransitionException.class,
                () -> kept.after(new PromiseSettlement.Settlement(PromiseState.BROKEN, new Money(5_000, USD)), at));
    }

    // Issue 15: a promise partly kept whose deadline moved earlier (the debtor's zone changed on a new import) settled
    // as open again, which threw on every feed and sweep touching it.
    @Test
    void partlyKeptPromiseCountingLessAfterItsDeadlineMovedStaysPartlyKeptWithWhatWasPaid() {
        var partly = PromiseStatus.open(PROMISE).after(
                new PromiseSettlement.Settlement(PromiseState.PARTLY_KEPT, new Money(2_000, USD)), DEADLINE);

        var after = partly.after(new PromiseSettlement.Settlement(PromiseState.OPEN, new Money(0, USD)), DEADLINE);

        assertSame(partly, after);
    }

    // Issue 15: two payments of 92233720368547758.07 overflowed Math.addExact, answering 500 and stopping the sweep.
    @Test
    void paymentsAddingUpPastTheLargestNumberKeepThePromiseInsteadOfOverflowing() {
        var huge = new Money(Long.MAX_VALUE, USD);
        var payments = List.of(new Payment(ACCOUNT, huge, Instant.parse("2026-03-12T20:00:00Z"), "p-1"),
                new Payment(ACCOUNT, huge, Instant.parse("2026-03-12T21:00:00Z"), "p-2"));

        var settlement = PromiseSettlement.settle(PROMISE, DEADLINE, payments, BEFORE_DEADLINE);

        assertEquals(new PromiseSettlement.Settlement(PromiseState.KEPT, new Money(5_000, USD)), settlement);
        assertEquals(Long.MAX_VALUE, PromiseSettlement.addUpTo(Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void paymentRefusesAZeroAmountAndAMalformedReference() {
        var zero = assertThrows(IllegalArgumentException.class, () -> payment("p-1", 0, "2026-03-11T00:00:00Z"));
        var reference = assertThrows(IllegalArgumentException.class, () -> payment("p 1", 10, "2026-03-11T00:00:00Z"));

        assertEquals("amount: 0.00 USD (expected > 0)", zero.getMessage());
        assertEquals("reference: 'p 1' (expected 1-100 characters of A-Z a-z 0-9 . _ : / -)", reference.getMessage());
    }

    private static Payment payment(String reference, long minor, String paidAt) {
        return new Payment(ACCOUNT, new Money(minor, USD), Instant.parse(paidAt), reference);
    }
}
