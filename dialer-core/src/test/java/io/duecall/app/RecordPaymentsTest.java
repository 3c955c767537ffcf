package io.duecall.app;

import static io.duecall.port.Fixtures.CAMPAIGN;
import static io.duecall.port.Fixtures.T0;
import static io.duecall.port.Fixtures.USD;
import static io.duecall.port.Fixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.csv.PaymentCsvReader;
import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryPaymentStore;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PaymentProblem;
import io.duecall.domain.promise.PaymentsRejectedException;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.ImportRejectedException;
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

    /** Wednesday 2025-03-12, 12:00 in Los Angeles: after the payments the tests record, before the pay-by date ends. */
    private final VirtualClock clock = new VirtualClock(Instant.parse("2025-03-12T19:00:00Z"));
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
        accounts.importAccounts(CAMPAIGN, List.of(account("acct-2")), T0);
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
        clock.advance(Duration.ofDays(8));

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

        assertEquals("line 3, amount: amount: 'fifty' (expected a decimal of digits 0-9 with at most 2 decimals, such as 125.50)",
                error.errors().get(0).toString());
        assertEquals(List.of(), payments.forAccount(DEBTOR));
        assertEquals(PromiseState.OPEN, promises.status("c-1").orElseThrow().state());
    }

    // Issue 15: two payments of 92233720368547758.07 overflowed the settlement (500 ArithmeticException), and the
    // other account's payment in the same feed was recorded before the failure.
    @Test
    void overflowingFeedIsRefusedAtTheCeilingAndRecordsNothingForAnyAccount() throws IOException {
        accounts.importAccounts(CAMPAIGN, List.of(account("acct-2")), T0);
        var file = feedFile("acct-2,10.00,USD,2025-03-12T18:00:00Z,bank-1",
                "acct-1,92233720368547758.07,USD,2025-03-12T18:00:00Z,bank-2",
                "acct-1,92233720368547758.07,USD,2025-03-12T18:01:00Z,bank-3");

        var error = assertThrows(ImportRejectedException.class, () -> feed.fromFile(file));

        assertEquals(List.of("line 3, amount", "line 4, amount"), error.errors().stream()
                .map(e -> "line " + e.line() + ", " + e.field()).toList());
        assertTrue(error.errors().get(0).message().contains("expected at most 99999999999.99 USD"), error.getMessage());
        assertEquals(List.of(), payments.forAccount(new AccountId("acct-2")));
        assertEquals(List.of(), payments.forAccount(DEBTOR));
        assertEquals(PromiseState.OPEN, promises.status("c-1").orElseThrow().state());
    }

    // Issue 15: a feed covering two accounts recorded the first account's payment before failing on the second.
    @Test
    void feedWithOneBadEntryRecordsNothingForAnyOfItsAccounts() {
        accounts.importAccounts(CAMPAIGN, List.of(account("acct-2")), T0);
        var good = new Payment(new AccountId("acct-2"), new Money(1_000, USD), Instant.parse("2025-03-12T18:00:00Z"), "ok-1");
        var bad = payment("bad-1", 5_000, "+1000000000-01-01T00:00:00Z");

        var error = assertThrows(PaymentsRejectedException.class, () -> feed.record(List.of(good, payment("p-1", 100,
                "2025-03-12T18:00:00Z"), bad)));

        assertEquals(List.of(new PaymentProblem(2, PaymentProblem.Field.PAID_AT, "'+1000000000-01-01T00:00:00Z' "
                + "(expected from 2015-03-12T19:00:00Z to 2025-03-13T19:00:00Z: at most ten years before now and a day after)")),
                error.problems());
        assertEquals(List.of(), payments.forAccount(new AccountId("acct-2")));
        assertEquals(List.of(), payments.forAccount(DEBTOR));
        assertEquals(2, accounts.queued(CAMPAIGN));
    }

    // Issue 18: a payment for an account that does not exist, or made in the year -999999999, was recorded.
    @Test
    void everyProblemOfAFeedIsNamedByItsEntryAndField() {
        var feedWithProblems = List.of(
                new Payment(new AccountId("nobody"), new Money(1_000, USD), Instant.parse("2025-03-12T18:00:00Z"), "r-1"),
                payment("r-2", 1_000, "-999999999-01-01T00:00:00Z"),
                payment("r-2", 1_000, "2025-03-12T18:00:00Z"));

        var error = assertThrows(PaymentsRejectedException.class, () -> feed.record(feedWithProblems));

        assertEquals(List.of("0 ACCOUNT 'nobody' is not a stored account (expected the id of an imported account)",
                "1 PAID_AT '-999999999-01-01T00:00:00Z' (expected from 2015-03-12T19:00:00Z to 2025-03-13T19:00:00Z: "
                        + "at most ten years before now and a day after)",
                "2 REFERENCE 'r-2' is a duplicate in this feed (first in payment 2 of the feed)"),
                error.problems().stream().map(p -> p.entry() + " " + p.field() + " " + p.message()).toList());
        assertEquals(List.of(), payments.forAccount(DEBTOR));
    }

    private static Payment payment(String reference, long minor, String paidAt) {
        return new Payment(DEBTOR, new Money(minor, USD), Instant.parse(paidAt), reference);
    }

    private Path feedFile(String... rows) throws IOException {
        var file = dir.resolve("payments.csv");
        Files.writeString(file, "account_id,amount,currency,paid_at,reference\n" + String.join("\n", rows) + "\n");
        return file;
    }

    @Test
    void tellsItsProgressOfEachAccountSettled() {
        var told = new java.util.ArrayList<String>();

        feed.record(List.of(payment("p-1", 2_000, "2025-03-11T18:00:00Z")), (done, total) -> told.add(done + "/" + total));

        assertEquals(List.of("0/1", "1/1"), told);
    }
}
