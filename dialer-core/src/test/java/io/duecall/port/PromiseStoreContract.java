package io.duecall.port;

import static io.duecall.port.Fixtures.promise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link PromiseStore} must have; subclasses only supply a fresh, empty store. */
public abstract class PromiseStoreContract {
    protected PromiseStore store;

    protected abstract PromiseStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void firstPromiseForACallIsStoredAndReturned() {
        var stored = store.record(promise("c-1", 5_000));

        assertEquals(promise("c-1", 5_000), stored);
        assertEquals(Optional.of(promise("c-1", 5_000)), store.forCall("c-1"));
    }

    @Test
    void promisedTotalsAddEachCallsPromiseOnceByCampaignAndCurrency() {
        store.record(promise("c-1", 5_000));
        store.record(promise("c-1", 9_999));
        store.record(promise("c-2", 1_250));
        var gbp = new PromiseToPay("c-3", new AccountId("acct-9"), new CampaignId("desk"),
                new Money(700, Currency.getInstance("GBP")), LocalDate.of(2025, 3, 20), Fixtures.T0);
        store.record(gbp);

        assertEquals(Map.of(Fixtures.CAMPAIGN, Map.of(Currency.getInstance("USD"), 6_250L),
                new CampaignId("desk"), Map.of(Currency.getInstance("GBP"), 700L)), store.promisedTotals());
    }

    @Test
    void laterPromiseForTheSameCallReturnsTheEarlierOneAndStoresNothing() {
        store.record(promise("c-1", 5_000));

        var stored = store.record(promise("c-1", 9_999));

        assertEquals(promise("c-1", 5_000), stored);
        assertEquals(List.of(promise("c-1", 5_000)), store.all());
    }

    @Test
    void allListsPromisesInTheOrderTheyWereMade() {
        store.record(promise("c-2", 200));
        store.record(promise("c-1", 100));
        store.record(promise("c-3", 300));

        var all = store.all();

        assertEquals(List.of(promise("c-2", 200), promise("c-1", 100), promise("c-3", 300)), all);
        assertEquals(Optional.empty(), store.forCall("c-4"));
    }

    @Test
    void sixteenThreadsRecordingTheSameCallStoreExactlyOnePromise() throws Exception {
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<PromiseToPay>>();
        for (int i = 0; i < 16; i++) {
            var amount = 1_000 + i;
            tasks.add(() -> {
                start.await();
                return store.record(promise("c-race", amount));
            });
        }
        var pool = Executors.newFixedThreadPool(16);
        var futures = tasks.stream().map(pool::submit).toList();

        start.countDown();

        var winners = new ArrayList<PromiseToPay>();
        for (var future : futures) {
            winners.add(future.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, winners.stream().distinct().count());
        assertEquals(List.of(winners.get(0)), store.all());
    }

    @Test
    void recordedPromiseIsOpenWithNothingPaid() {
        store.record(promise("c-1", 5_000));

        var status = store.status("c-1");

        assertEquals(Optional.of(PromiseStatus.open(promise("c-1", 5_000))), status);
        assertEquals(List.of(PromiseStatus.open(promise("c-1", 5_000))), store.statuses());
        assertEquals(Optional.empty(), store.status("c-2"));
    }

    @Test
    void updateReplacesTheStatusOnlyWhileItIsTheExpectedOne() {
        store.record(promise("c-1", 5_000));
        var open = store.status("c-1").orElseThrow();
        var partly = partlyKept(open, 1_000);

        boolean first = store.update(open, partly);
        boolean stale = store.update(open, partlyKept(open, 2_000));

        assertTrue(first);
        assertFalse(stale);
        assertEquals(Optional.of(partly), store.status("c-1"));
        assertEquals(promise("c-1", 5_000), store.forCall("c-1").orElseThrow());
    }

    @Test
    void cancelledPromiseKeepsItsReasonAndLeavesTheUnsettledLists() {
        store.record(promise("c-1", 5_000));
        var partly = partlyKept(store.status("c-1").orElseThrow(), 1_000);
        store.update(store.status("c-1").orElseThrow(), partly);
        var cancelled = partly.cancelled("replaced by a payment plan", partly.changedAt().plusSeconds(60));

        boolean updated = store.update(partly, cancelled);

        assertTrue(updated);
        assertEquals(Optional.of(cancelled), store.status("c-1"));
        assertEquals("replaced by a payment plan", store.status("c-1").orElseThrow().note());
        assertEquals(List.of(), store.unsettledDueBy(LocalDate.of(2099, 1, 1)));
    }

    @Test
    void updateOfAnUnknownCallChangesNothing() {
        var ghost = PromiseStatus.open(promise("c-ghost", 100));

        boolean updated = store.update(ghost, partlyKept(ghost, 50));

        assertFalse(updated);
        assertEquals(List.of(), store.statuses());
    }

    @Test
    void unsettledListsTheAccountsOpenAndPartlyKeptPromisesInOrder() {
        store.record(promise("c-2", "acct-1", LocalDate.of(2025, 3, 12)));
        store.record(promise("c-1", "acct-1", LocalDate.of(2025, 3, 11)));
        store.record(promise("c-3", "acct-1", LocalDate.of(2025, 3, 13)));
        store.record(promise("c-4", "acct-2", LocalDate.of(2025, 3, 11)));
        var second = store.status("c-1").orElseThrow();
        store.update(second, partlyKept(second, 10));
        var third = store.status("c-3").orElseThrow();
        store.update(third, settled(third, PromiseState.BROKEN));

        var unsettled = store.unsettled(new AccountId("acct-1"));

        assertEquals(List.of("c-2", "c-1"), unsettled.stream().map(PromiseStatus::callId).toList());
        assertEquals(PromiseState.PARTLY_KEPT, unsettled.get(1).state());
        assertEquals(List.of(), store.unsettled(new AccountId("acct-9")));
    }

    @Test
    void latestOfListsTheAccountsLastPromisesInOrderWhateverTheirStatus() {
        for (int i = 0; i < 12; i++) {
            store.record(promise("c-" + i, "acct-1", LocalDate.of(2025, 3, 11).plusDays(i % 3)));
            store.record(promise("c-other-" + i, "acct-2", LocalDate.of(2025, 3, 11)));
        }
        var broken = store.status("c-11").orElseThrow();
        store.update(broken, settled(broken, PromiseState.BROKEN));

        var latest = store.latestOf(new AccountId("acct-1"), 10);

        assertEquals(java.util.stream.IntStream.range(2, 12).mapToObj(i -> "c-" + i).toList(),
                latest.stream().map(p -> p.callId()).toList());
        assertEquals(store.forCall("c-11").orElseThrow(), latest.getLast());
        assertEquals(List.of(), store.latestOf(new AccountId("acct-9"), 10));
        assertEquals(List.of(), store.latestOf(new AccountId("acct-1"), 0));
    }

    @Test
    void unsettledDueByListsPromisesDueOnOrBeforeTheDateEarliestFirstAndForgetsSettledOnes() {
        store.record(promise("c-late", "acct-1", LocalDate.of(2025, 3, 14)));
        store.record(promise("c-due", "acct-2", LocalDate.of(2025, 3, 13)));
        store.record(promise("c-early", "acct-3", LocalDate.of(2025, 3, 11)));
        store.record(promise("c-kept", "acct-4", LocalDate.of(2025, 3, 12)));
        var kept = store.status("c-kept").orElseThrow();
        store.update(kept, settled(kept, PromiseState.KEPT));

        var due = store.unsettledDueBy(LocalDate.of(2025, 3, 13));

        assertEquals(List.of("c-early", "c-due"), due.stream().map(PromiseStatus::callId).toList());
        assertEquals(PromiseState.KEPT, store.status("c-kept").orElseThrow().state());
    }

    @Test
    void sixteenThreadsSettlingTheSamePromiseLeaveExactlyOneWinner() throws Exception {
        store.record(promise("c-race", 5_000));
        var open = store.status("c-race").orElseThrow();
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 16; i++) {
            var paid = 100 + i;
            tasks.add(() -> {
                start.await();
                return store.update(open, partlyKept(open, paid));
            });
        }
        var pool = Executors.newFixedThreadPool(16);
        var futures = tasks.stream().map(pool::submit).toList();

        start.countDown();

        int winners = 0;
        for (var future : futures) {
            winners += future.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, winners);
        assertEquals(PromiseState.PARTLY_KEPT, store.status("c-race").orElseThrow().state());
    }

    private static PromiseStatus partlyKept(PromiseStatus status, long paid) {
        return new PromiseStatus(status.promise(), PromiseState.PARTLY_KEPT, new Money(paid, status.promise().amount().currency()),
                status.changedAt().plusSeconds(60));
    }

    private static PromiseStatus settled(PromiseStatus status, PromiseState state) {
        return new PromiseStatus(status.promise(), state, status.paid(), status.changedAt().plusSeconds(60));
    }
}
