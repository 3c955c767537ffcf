package io.duecall.adapter.redis;

import io.duecall.port.SuppressionStore;
import io.duecall.port.SuppressionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSuppressionStoreTest extends SuppressionStoreContract {
    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    @Override
    protected SuppressionStore newStore() {
        return new RedisSuppressionStore(redis.jedis(), redis.keys());
    }

    @Override
    protected SuppressionStore sameStorage() {
        return new RedisSuppressionStore(redis.jedis(), redis.keys());
    }
}
