package io.duecall.adapter.redis;

import static io.duecall.port.Fixtures.CAMPAIGN;
import static io.duecall.port.Fixtures.T0;
import static io.duecall.port.Fixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.devsupport.LoopbackPorts;
import io.duecall.domain.account.Account;
import io.duecall.port.AccountStore;
import io.duecall.port.AccountStoreContract;
import io.duecall.port.Claim;
import io.duecall.port.StoreUnavailableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPooled;

class RedisAccountStoreTest extends AccountStoreContract {
    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    @Override
    protected AccountStore newStore() {
        return new RedisAccountStore(redis.jedis(), redis.keys());
    }

    @Test
    void eightDialersClaimingConcurrentlyGetEveryAccountExactlyOnce() throws Exception {
        List<Account> accounts = IntStream.range(0, 3_000).mapToObj(i -> account("acct-" + i)).toList();
        store.importAccounts(CAMPAIGN, accounts, T0);
        Callable<List<String>> dialer = () -> {
            var mine = new ArrayList<String>();
            List<Claim> batch;
            while (!(batch = store.claim(CAMPAIGN, 25, T0, LEASE)).isEmpty()) {
                mine.addAll(ids(batch));
            }
            return mine;
        };
        var pool = Executors.newFixedThreadPool(8);

        var futures = pool.invokeAll(Collections.nCopies(8, dialer), 60, TimeUnit.SECONDS);

        pool.shutdown();
        var timesClaimed = new HashMap<String, Integer>();
        for (var future : futures) {
            future.get().forEach(id -> timesClaimed.merge(id, 1, Integer::sum));
        }
        assertEquals(3_000, timesClaimed.size());
        assertEquals(List.of(1), timesClaimed.values().stream().distinct().toList());
        assertEquals(3_000, store.leased(CAMPAIGN));
        assertEquals(0, store.queued(CAMPAIGN));
    }

    @Test
    void twoNodesWithTheirOwnClientsClaimingConcurrentlyGetEveryAccountOnceAndKnowTheirLeases() throws Exception {
        store.importAccounts(CAMPAIGN, IntStream.range(0, 2_000).mapToObj(i -> account("acct-" + i)).toList(), T0);
        try (var first = redis.newClient(); var second = redis.newClient()) {
            var nodes = List.of(new RedisAccountStore(first, redis.keys(), "n1"),
                    new RedisAccountStore(second, redis.keys(), "n2"));
            var dialers = new ArrayList<Callable<List<String>>>();
            for (int i = 0; i < 6; i++) {
                var node = nodes.get(i % 2);
                dialers.add(() -> {
                    var mine = new ArrayList<String>();
                    List<Claim> batch;
                    while (!(batch = node.claim(CAMPAIGN, 20, T0, LEASE)).isEmpty()) {
                        mine.addAll(ids(batch));
                    }
                    return mine;
                });
            }
            var pool = Executors.newFixedThreadPool(6);

            var futures = pool.invokeAll(dialers, 60, TimeUnit.SECONDS);

            pool.shutdown();
            var byNode = new HashMap<String, Integer>();
            var timesClaimed = new HashMap<String, Integer>();
            for (int i = 0; i < futures.size(); i++) {
                var claimed = futures.get(i).get();
                byNode.merge(i % 2 == 0 ? "n1" : "n2", claimed.size(), Integer::sum);
                claimed.forEach(id -> timesClaimed.merge(id, 1, Integer::sum));
            }
            assertEquals(2_000, timesClaimed.size());
            assertEquals(List.of(1), timesClaimed.values().stream().distinct().toList());
            assertEquals(byNode.get("n1"), nodes.get(0).leasesHeldBy(CAMPAIGN, "n1").size());
            assertEquals(byNode.get("n2"), nodes.get(1).leasesHeldBy(CAMPAIGN, "n2").size());
        }
    }

    @Test
    void unreachableRedisIsReportedAsStoreUnavailable() {
        var port = LoopbackPorts.free();
        try (var nowhere = new JedisPooled("127.0.0.1", port)) {
            var unreachable = new RedisAccountStore(nowhere, redis.keys());

            var error = assertThrows(StoreUnavailableException.class, () -> unreachable.queued(CAMPAIGN));

            assertEquals(true, error.getMessage().contains(redis.keys().queue(CAMPAIGN)), error.getMessage());
        }
    }
}
