package io.duecall.app;

import static io.duecall.port.Fixtures.CAMPAIGN;
import static io.duecall.port.Fixtures.T0;
import static io.duecall.port.Fixtures.USD;
import static io.duecall.port.Fixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPaymentStore;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.promise.IllegalPromiseTransitionException;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.HolidayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The promise book for a debtor in Los Angeles who promised 50.00 by Thursday 2025-03-13, and another 20.00 by Monday. */
class PromiseBookTest {
    private static final AccountId DEBTOR = new AccountId("acct-1");
    private static final PromiseToPay THURSDAY = new PromiseToPay("c-1", DEBTOR, CAMPAIGN, new Money(5_000, USD),
            LocalDate.of(2025, 3, 13), T0.plusSeconds(60));
    private static final PromiseToPay MONDAY = new PromiseToPay("c-2", DEBTOR, CAMPAIGN, new Money(2_000, USD),
            LocalDate.of(2025, 3, 17), T0.plusSeconds(120));
    /** Friday 00:00 in Los Angeles (PDT): Thursday's promise is over. */
    private static final Instant AFTER_THURSDAY = Instant.parse("2025-03-14T07:00:00Z");

    private final VirtualClock clock = new VirtualClock(T0);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    private final InMemoryPaymentStore payments = new InMemoryPaymentStore();
    private final PromiseBook book = new PromiseBook(promises, accounts, ledger, payments, clock);
    private final Campaign campaign = new Campaign(CAMPAIGN, "reminders", CampaignMode.IVR_REMINDER,
            CallingWindow.defaults(), "Acme Lending", "18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2),
            Duration.ofMinutes(5), 3);
    private final PromiseFollowUp followUp = new PromiseFollowUp(promises, payments, accounts, new Eligibility(ledger,
            new InMemorySuppressionStore(), List.of(campaign), HolidayCalendar.none(), Map.of()));

    @BeforeEach
    void twoPromises() {
        accounts.importAccounts(CAMPAIGN, List.of(account("acct-1")), T0);
        promises.record(MONDAY);
        promises.record(THURSDAY);
    }

    @Test
    void runningPromisesComeEarliestPayByFirstAndBrokenOnesAfterTheSweep() {
        clock.advanceTo(AFTER_THURSDAY);
        followUp.sweep(AFTER_THURSDAY);

        var running = book.running(10);
        var broken = book.broken(10);

        assertEquals(List.of("c-2"), running.stream().map(PromiseStatus::callId).toList());
        assertEquals(List.of("c-1"), broken.stream().map(PromiseStatus::callId).toList());
        assertEquals(PromiseState.BROKEN, broken.getFirst().state());
    }

    @Test
    void historyHasTheAccountItsPaymentsAndAttempts() {
        var payment = new Payment(DEBTOR, new Money(1_000, USD), T0.plusSeconds(3_600), "bank-1");
        payments.record(payment);

        var history = book.history("c-1").orElseThrow();

        assertEquals(THURSDAY, history.status().promise());
        assertEquals(DEBTOR, history.account().orElseThrow().id());
        assertEquals(List.of(payment), history.payments());
        assertEquals(List.of(), history.attempts());
        assertTrue(book.history("c-9").isEmpty());
    }

    @Test
    void cancelledPromiseIsNoLongerRunningAndTheSweepLeavesItAlone() {
        clock.advanceTo(T0.plusSeconds(600));

        var cancelled = book.cancel("c-1", "replaced by a payment plan");
        clock.advanceTo(AFTER_THURSDAY);
        var sweep = followUp.sweep(AFTER_THURSDAY);

        assertEquals(new PromiseStatus(THURSDAY, PromiseState.CANCELLED, new Money(0, USD), T0.plusSeconds(600),
                "replaced by a payment plan"), cancelled);
        assertEquals(cancelled, promises.status("c-1").orElseThrow());
        assertEquals(List.of(), sweep.settled());
        assertEquals(List.of("c-2"), book.running(10).stream().map(PromiseStatus::callId).toList());
    }

    @Test
    void cancellingTwiceAnUnknownCallOrWithoutAReasonIsRefusedAndChangesNothing() {
        book.cancel("c-1", "dispute");

        assertThrows(IllegalPromiseTransitionException.class, () -> book.cancel("c-1", "again"));
        assertThrows(NoSuchElementException.class, () -> book.cancel("c-9", "dispute"));
        assertThrows(IllegalArgumentException.class, () -> book.cancel("c-2", " "));
        assertEquals("dispute", promises.status("c-1").orElseThrow().note());
        assertEquals(PromiseStatus.open(MONDAY), promises.status("c-2").orElseThrow());
    }
}
