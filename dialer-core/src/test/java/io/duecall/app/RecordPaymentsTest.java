package io.duecall.app;

import io.duecall.adapter.time.VirtualClock;
import static io.duecall.port.Fixtures.CAMPAIGN;
import static io.duecall.port.Fixtures.T0;
import static io.duecall.port.Fixtures.USD;
import static io.duecall.port.Fixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.adapter.csv.ImportRejectedException;
import io.duecall.adapter.csv.PaymentCsvReader;
import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryPaymentStore;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseToPay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A payment feed for a Los Angeles debtor owing 125.50 who promised 50.00 by 2025-03-13, in two campaigns' queues. */
class RecordPaymentsTest {
    private static final CampaignId DESK = new CampaignId("desk");
    private static final AccountId DEBTOR = new AccountId("acct-1");
    private static final PromiseToPay PROMISE = new PromiseToPay("c-1", DEBTOR, CAMPAIGN, new Money(5_000, USD),
            LocalDate.of(2025, 3, 13), T0.plusSeconds(60));

    private final VirtualClock clock = new VirtualClock(T0.plus(Duration.ofDays(1)));
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    private final InMemoryPaymentStore payments = new InMemoryPaymentStore();
    private final RecordPayments feed = new RecordPayments(new PaymentCsvReader(), payments, promises, accounts,
            List.of(CAMPAIGN, DESK), clock);

    @TempDir
    Path dir;

    @BeforeEach
    void debtorQueuedInTwoCampaignsWithAnOpenPromise() {
        accounts.importAccounts(CAMPAIGN, List.of(account("acct-1")), T0);
        accounts.importAccounts(DESK, List.of(account("acct-1")), T0);
        promises.record(PROMISE);
    }

    @Test
    void partPaymentMakesThePromisePartlyKeptAndTheRestKeepsIt() {
        var first = feed.record(List.of(payment("p-1", 2_000, "2025-03-11T18:00:00Z")));
        var partly = promises.status("c-1").orElseThrow();

        var second = feed.record(List.of(payment("p-1", 2_000, "2025-03-11T18:00:00Z"),
                payment("p-2", 3_000, "2025-03-12T18:00:00Z")));

        assertEquals(new RecordPayments.Result(1, 0, 0, 1, List.of()), first);
        assertEquals(PromiseState.PARTLY_KEPT, partly.state());
        assertEquals(new Money(2_000, USD), partly.paid());
        assertEquals(new RecordPayments.Result(1, 1, 1, 0, List.of()), second);
        assertEquals(PromiseState.KEPT, promises.status("c-1").orElseThrow().state());
        assertEquals(1, accounts.queued(CAMPAIGN));
    }

    @Test
    void theSameFeedRecordedTwiceChangesNothingTheSecondTime() throws IOException {
        var file = feedFile("acct-1,50.00,USD,2025-03-12T18:00:00Z,bank-1", "acct-2,10.00,USD,2025-03-12T18:00:00Z,bank-2");
        var first = feed.fromFile(file);
        var afterFirst = promises.statuses();

        var second = feed.fromFile(file);

        assertEquals(new RecordPayments.Result(2, 0, 1, 0, List.of()), first);
        assertEquals(new RecordPayments.Result(0, 2, 0, 0, List.of()), second);
        assertEquals(afterFirst, promises.statuses());
        assertEquals(1, payments.forAccount(DEBTOR).size());
    }

    @Test
    void accountPaidInFullLeavesEveryCampaignQueue() {
        var result = feed.record(List.of(payment("p-1", 10_000, "2025-03-12T18:00:00Z"),
                payment("p-2", 2_550, "2025-03-20T18:00:00Z")));

        assertEquals(List.of(DEBTOR), result.paidInFull());
        assertEquals(0, accounts.queued(CAMPAIGN));
        assertEquals(0, accounts.queued(DESK));
        assertEquals(PromiseState.KEPT, promises.status("c-1").orElseThrow().state());
    }

    @Test
    void paymentAfterThePayByDateLeavesBreakingThePromiseToTheFollowUp() {
        clock.advance(Duration.ofDays(10));

        var result = feed.record(List.of(payment("p-late", 5_000, "2025-03-15T18:00:00Z")));

        assertEquals(new RecordPayments.Result(1, 0, 0, 0, List.of()), result);
        assertEquals(PromiseState.OPEN, promises.status("c-1").orElseThrow().state());
    }

    @Test
    void rejectedFileRecordsNothing() throws IOException {
        var file = feedFile("acct-1,50.00,USD,2025-03-12T18:00:00Z,bank-1", "acct-1,fifty,USD,2025-03-12T18:00:00Z,bank-2");

        var error = assertThrows(ImportRejectedException.class, () -> feed.fromFile(file));

        assertEquals("line 3, amount: amount: 'fifty' (expected a decimal with at most 2 decimals)",
                error.errors().get(0).toString());
        assertEquals(List.of(), payments.forAccount(DEBTOR));
        assertEquals(PromiseState.OPEN, promises.status("c-1").orElseThrow().state());
    }

    private static Payment payment(String reference, long minor, String paidAt) {
        return new Payment(DEBTOR, new Money(minor, USD), Instant.parse(paidAt), reference);
    }

    private Path feedFile(String... rows) throws IOException {
        var file = dir.resolve("payments.csv");
        Files.writeString(file, "account_id,amount,currency,paid_at,reference\n" + String.join("\n", rows) + "\n");
        return file;
    }
}
