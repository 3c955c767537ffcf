package io.duecall.adapter.redis;

import io.duecall.port.PaymentStore;
import io.duecall.port.PaymentStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisPaymentStoreTest extends PaymentStoreContract {
    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    @Override
    protected PaymentStore newStore() {
        return new RedisPaymentStore(redis.jedis(), redis.keys());
    }
}
