package io.duecall.port;

import static io.duecall.port.Fixtures.promise;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.domain.promise.PromiseToPay;
import java.util.ArrayList;
import java.util.List;
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
}
