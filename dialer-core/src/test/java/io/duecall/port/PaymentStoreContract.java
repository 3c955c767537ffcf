package io.duecall.port;

import static io.duecall.port.Fixtures.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link PaymentStore} must have; subclasses only supply a fresh, empty store. */
public abstract class PaymentStoreContract {
    protected PaymentStore store;

    protected abstract PaymentStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void paymentsAreListedPerAccountInTheOrderRecorded() {
        store.record(payment("p-2", "acct-1", 200));
        store.record(payment("p-1", "acct-1", 100));
        store.record(payment("p-3", "acct-2", 300));

        var payments = store.forAccount(new AccountId("acct-1"));

        assertEquals(List.of(payment("p-2", "acct-1", 200), payment("p-1", "acct-1", 100)), payments);
        assertEquals(List.of(), store.forAccount(new AccountId("acct-9")));
    }

    @Test
    void aReferenceIsRecordedOnceWhateverComesLaterUnderIt() {
        boolean first = store.record(payment("p-1", "acct-1", 100));

        boolean again = store.record(payment("p-1", "acct-1", 100));
        boolean altered = store.record(payment("p-1", "acct-1", 999));

        assertTrue(first);
        assertFalse(again);
        assertFalse(altered);
        assertEquals(List.of(payment("p-1", "acct-1", 100)), store.forAccount(new AccountId("acct-1")));
    }

    @Test
    void sixteenThreadsRecordingOneReferenceStoreItOnce() throws Exception {
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> {
                start.await();
                return store.record(payment("p-race", "acct-1", 500));
            });
        }
        var pool = Executors.newFixedThreadPool(16);
        var futures = tasks.stream().map(pool::submit).toList();

        start.countDown();

        int stored = 0;
        for (var future : futures) {
            stored += future.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, stored);
        assertEquals(1, store.forAccount(new AccountId("acct-1")).size());
    }
}
