package io.duecall.adapter.redis;

import io.duecall.port.PaymentStore;
import io.duecall.port.PaymentStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisPaymentStoreTest extends PaymentStoreContract {
    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();

    @Override
    protected PaymentStore newStore() {
        return new RedisPaymentStore(redis.jedis(), redis.keys());
    }
}
