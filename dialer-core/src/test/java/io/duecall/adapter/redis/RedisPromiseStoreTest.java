package io.duecall.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.port.PromiseStore;
import io.duecall.port.PromiseStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisPromiseStoreTest extends PromiseStoreContract {
    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    @Override
    protected PromiseStore newStore() {
        return new RedisPromiseStore(redis.jedis(), redis.keys());
    }

    @Test
    void malformedRunningTotalIsRefusedNamingTheKeyAndField() {
        var key = redis.keys().promiseTotals();
        redis.jedis().hset(key, "reminders|usd", "12");

        var error = assertThrows(IllegalStateException.class, () -> store.promisedTotals());

        assertTrue(error.getMessage().contains(key + " field 'reminders|usd' = '12' is malformed"), error.getMessage());
    }
}
