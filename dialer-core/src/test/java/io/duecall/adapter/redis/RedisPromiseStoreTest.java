package io.duecall.adapter.redis;

import io.duecall.port.PromiseStore;
import io.duecall.port.PromiseStoreContract;
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
}
