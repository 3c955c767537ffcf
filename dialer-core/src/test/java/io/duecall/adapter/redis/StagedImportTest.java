package io.duecall.adapter.redis;

import static io.duecall.port.Fixtures.CAMPAIGN;
import static io.duecall.port.Fixtures.T0;
import static io.duecall.port.Fixtures.account;
import static io.duecall.port.Fixtures.accountWithoutZone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.port.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

class StagedImportTest {
    private static final int MANY = StagedImport.CHUNK * 2 + 17;

    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    @Test
    void importOfSeveralChunksQueuesEveryAccountAndReplacesStoredOnesLeavingNoStagingKeys() {
        var store = new RedisAccountStore(redis.jedis(), redis.keys());
        store.importAccounts(CAMPAIGN, List.of(account("acct-3"), account("acct-4")), T0);
        store.claim(CAMPAIGN, 1, T0, Duration.ofMinutes(5));
        var accounts = new ArrayList<Account>(ids(MANY).stream().map(id -> account(id)).toList());
        accounts.set(3, accountWithoutZone("acct-3"));

        store.importAccounts(CAMPAIGN, accounts, T0.plusSeconds(60));

        assertEquals(MANY - 1, store.queued(CAMPAIGN), "all but the leased account are queued");
        assertEquals(1, store.leased(CAMPAIGN));
        assertEquals("Sam Other", store.find(new AccountId("acct-3")).orElseThrow().debtorName());
        assertEquals(List.of(), stagingKeys());
    }

    @Test
    void importThatFailsWhileStagingLeavesQueueAndStoredAccountsAsTheyWere() {
        var store = new RedisAccountStore(redis.jedis(), redis.keys());
        store.importAccounts(CAMPAIGN, List.of(account("acct-1")), T0);
        var accounts = new ArrayList<Account>(ids(MANY).stream().map(id -> account(id)).toList());
        accounts.set(1, accountWithoutZone("acct-1"));
        try (var failing = failingAfterPipelines(3)) {
            var broken = new RedisAccountStore(failing, redis.keys());

            assertThrows(StoreUnavailableException.class, () -> broken.importAccounts(CAMPAIGN, accounts, T0));
        }

        assertEquals(1, store.queued(CAMPAIGN));
        assertEquals(account("acct-1"), store.find(new AccountId("acct-1")).orElseThrow());
        var newAccount = redis.keys().account(new AccountId("acct-2"));
        assertTrue(redis.jedis().pttl(newAccount) > 0 || !redis.jedis().exists(newAccount),
                "an account new to the store is deleted again, or expires when the client could not delete it");
        assertTrue(stagingKeys().stream().allMatch(key -> redis.jedis().pttl(key) > 0), "staging keys expire");
    }

    // Issue 15: a fresh import left the campaign's queue (and replaced accounts) expiring a day later.
    @Test
    void committedImportLeavesNoExpiryOnTheQueueOrTheAccounts() {
        var store = new RedisAccountStore(redis.jedis(), redis.keys());
        store.importAccounts(CAMPAIGN, List.of(account("acct-1")), T0);

        store.importAccounts(CAMPAIGN, List.of(accountWithoutZone("acct-1"), account("acct-2")), T0);

        assertEquals(-1, redis.jedis().pttl(redis.keys().queue(CAMPAIGN)));
        assertEquals(-1, redis.jedis().pttl(redis.keys().account(new AccountId("acct-1"))));
        assertEquals(-1, redis.jedis().pttl(redis.keys().account(new AccountId("acct-2"))));
        assertEquals(List.of(), stagingKeys());
    }

    @Test
    void importNeverCommittedLeavesNothingBehind() {
        var store = new RedisAccountStore(redis.jedis(), redis.keys());
        store.importAccounts(CAMPAIGN, List.of(account("acct-1")), T0);

        try (var staged = store.beginImport(CAMPAIGN, T0)) {
            ids(MANY).forEach(id -> staged.add(id.equals("acct-1") ? accountWithoutZone(id) : account(id)));
        }

        assertEquals(account("acct-1"), store.find(new AccountId("acct-1")).orElseThrow());
        assertTrue(store.find(new AccountId("acct-2")).isEmpty());
        assertEquals(1, store.queued(CAMPAIGN));
        assertEquals(List.of(), stagingKeys());
    }

    private List<String> stagingKeys() {
        return KeyScan.matching(redis.jedis(), redis.prefix() + "*:import:*");
    }

    private UnifiedJedis failingAfterPipelines(int pipelines) {
        return redis.clustered() ? new FailingClusterAfterPipelines(pipelines) : new FailingAfterPipelines(pipelines);
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "acct-" + i).toList();
    }

    /** A connection whose pipelines fail after the first few, as if Redis went away part-way through an import. */
    private static final class FailingAfterPipelines extends JedisPooled {
        private int left;

        FailingAfterPipelines(int pipelines) {
            super(RedisTestSupport.sharedUri());
            this.left = pipelines;
        }

        @Override
        public Pipeline pipelined() {
            if (left-- <= 0) {
                throw new JedisConnectionException("connection reset (simulated)");
            }
            return super.pipelined();
        }

        @Override
        public AbstractTransaction multi() {
            if (left-- <= 0) {
                throw new JedisConnectionException("connection reset (simulated)");
            }
            return super.multi();
        }
    }

    /** The same on a Redis Cluster. */
    private static final class FailingClusterAfterPipelines extends JedisCluster {
        private int left;

        FailingClusterAfterPipelines(int pipelines) {
            super(Set.copyOf(RedisTestSupport.sharedCluster().nodes()));
            this.left = pipelines;
        }

        @Override
        public ClusterPipeline pipelined() {
            if (left-- <= 0) {
                throw new JedisConnectionException("connection reset (simulated)");
            }
            return super.pipelined();
        }
    }
}
