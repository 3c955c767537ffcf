package io.duecall.app;

import static io.duecall.port.Fixtures.CAMPAIGN;
import static io.duecall.port.Fixtures.T0;
import static io.duecall.port.Fixtures.USD;
import static io.duecall.port.Fixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.adapter.csv.PaymentCsvReader;
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
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.port.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The morning-after sweep in virtual time, for a debtor in Los Angeles who promised 50.00 by Thursday 2025-03-13. */
class PromiseFollowUpTest {
    private static final AccountId DEBTOR = new AccountId("acct-1");
    private static final PromiseToPay PROMISE = new PromiseToPay("c-1", DEBTOR, CAMPAIGN, new Money(5_000, USD),
            LocalDate.of(2025, 3, 13), T0.plusSeconds(60));
    /** Friday 00:00 in Los Angeles (PDT). */
    private static final Instant DEADLINE = Instant.parse("2025-03-14T07:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final VirtualClock clock = new VirtualClock(T0);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    private final InMemoryPaymentStore payments = new InMemoryPaymentStore();
    private final Campaign campaign = new Campaign(CAMPAIGN, "reminders", CampaignMode.IVR_REMINDER,
            CallingWindow.defaults(), "Acme Lending", "18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2),
            LEASE, 3);
    private final Eligibility eligibility = new Eligibility(ledger, new InMemorySuppressionStore(), List.of(campaign),
            HolidayCalendar.none(), Map.of());
    private final PromiseFollowUp followUp = new PromiseFollowUp(promises, payments, accounts, eligibility);

    @BeforeEach
    void promiseMadeOnACallThatFinishedTheAccount() {
        accounts.importAccounts(CAMPAIGN, List.of(account("acct-1")), T0);
        accounts.finish(accounts.claim(CAMPAIGN, 1, T0, LEASE).get(0));
        promises.record(PROMISE);
    }

    @Test
    void hourlySweepsBreakTheUnpaidPromiseAtTheFirstSweepAfterTheDebtorsMidnight() {
        Instant brokenAt = null;

        for (; brokenAt == null && clock.instant().isBefore(T0.plus(Duration.ofDays(8))); clock.advance(Duration.ofHours(1))) {
            if (!followUp.sweep(clock.instant()).settled().isEmpty()) {
                brokenAt = clock.instant();
            }
        }

        assertEquals(DEADLINE, brokenAt);
        assertEquals(PromiseState.BROKEN, promises.status("c-1").orElseThrow().state());
        assertEquals(List.of(), followUp.sweep(DEADLINE.plus(Duration.ofDays(1))).settled());
    }

    @Test
    void brokenPromiseWaitsForTheQuietDaysThenGoesFirstInTheNextPeakWindow() {
        ledger.append(Fixtures.fullAttempt("c-1"));
        accounts.importAccounts(CAMPAIGN, List.of(account("acct-2")), Instant.parse("2025-03-17T17:00:00Z"));
        // 06:00 in Los Angeles on Friday; seven quiet days after Monday's 07:00 conversation end on Monday 07:00, the
        // calling window opens at 09:00 (16:00 UTC) and the first peak window at 10:00 (17:00 UTC).
        var sweptAt = Instant.parse("2025-03-14T13:00:00Z");

        var followUps = followUp.sweep(sweptAt).settled();

        var expected = Instant.parse("2025-03-17T17:00:00Z").minusMillis(1);
        assertEquals(PromiseState.BROKEN, followUps.get(0).status().state());
        assertEquals(Optional.of(expected), followUps.get(0).queuedAt());
        assertEquals(List.of(), accounts.claim(CAMPAIGN, 5, Instant.parse("2025-03-17T16:30:00Z"), LEASE));
        var claimed = accounts.claim(CAMPAIGN, 5, Instant.parse("2025-03-17T17:00:00Z"), LEASE);
        assertEquals(List.of("acct-1", "acct-2"), claimed.stream().map(c -> c.account().id().value()).toList());
        assertEquals(expected, eligibility.nextEligible(CAMPAIGN, account("acct-1"), expected),
                "the engine's own check lets the call go at the instant it was queued for");
    }

    @Test
    void debtorWhoMayBeCalledNowIsQueuedAheadOfTheAccountsWaiting() {
        var tenInLosAngeles = Instant.parse("2025-03-14T17:00:00Z");
        accounts.importAccounts(CAMPAIGN, List.of(account("waiting")), tenInLosAngeles.minus(Duration.ofHours(3)));

        var followUps = followUp.sweep(tenInLosAngeles).settled();

        assertEquals(Optional.of(tenInLosAngeles.minus(PromiseFollowUp.HEAD_START)), followUps.get(0).queuedAt());
        var claimed = accounts.claim(CAMPAIGN, 1, tenInLosAngeles, LEASE);
        assertEquals("acct-1", claimed.get(0).account().id().value());
    }

    @Test
    void promisePaidInItsWindowIsKeptAndNotCalledAgain() {
        payments.record(new Payment(DEBTOR, new Money(5_000, USD), Instant.parse("2025-03-13T20:00:00Z"), "p-1"));

        var followUps = followUp.sweep(DEADLINE).settled();

        assertEquals(PromiseState.KEPT, followUps.get(0).status().state());
        assertEquals(new Money(5_000, USD), followUps.get(0).status().paid());
        assertEquals(Optional.empty(), followUps.get(0).queuedAt());
        assertEquals(0, accounts.queued(CAMPAIGN));
    }

    @Test
    void partlyKeptPromiseIsBrokenKeepingWhatWasPaid() {
        clock.advance(Duration.ofDays(3));
        new RecordPayments(new PaymentCsvReader(), payments, promises, accounts, List.of(CAMPAIGN), clock)
                .record(List.of(new Payment(DEBTOR, new Money(2_000, USD), Instant.parse("2025-03-12T20:00:00Z"), "p-1")));
        var partly = promises.status("c-1").orElseThrow().state();

        var followUps = followUp.sweep(DEADLINE).settled();

        assertEquals(PromiseState.PARTLY_KEPT, partly);
        assertEquals(PromiseState.BROKEN, followUps.get(0).status().state());
        assertEquals(new Money(2_000, USD), followUps.get(0).status().paid());
        assertEquals(1, accounts.queued(CAMPAIGN));
    }

    @Test
    void accountPaidInFullIsNotCalledAgainEvenIfThePaymentMissedTheWindow() {
        payments.record(new Payment(DEBTOR, new Money(12_550, USD), Instant.parse("2025-03-14T08:00:00Z"), "late"));

        var followUps = followUp.sweep(DEADLINE.plus(Duration.ofHours(2))).settled();

        assertEquals(PromiseState.BROKEN, followUps.get(0).status().state());
        assertEquals(Optional.empty(), followUps.get(0).queuedAt());
        assertEquals(0, accounts.queued(CAMPAIGN));
    }

    @Test
    void accountBeingDialedIsLeftToItsDialer() {
        accounts.requeue(CAMPAIGN, DEBTOR, DEADLINE);
        accounts.claim(CAMPAIGN, 1, DEADLINE, LEASE);

        var followUps = followUp.sweep(DEADLINE.plus(Duration.ofHours(10))).settled();

        assertEquals(PromiseState.BROKEN, followUps.get(0).status().state());
        assertEquals(Optional.empty(), followUps.get(0).queuedAt());
        assertEquals(1, accounts.leased(CAMPAIGN));
    }
}
