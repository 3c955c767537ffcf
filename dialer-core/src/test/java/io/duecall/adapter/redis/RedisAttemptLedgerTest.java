package io.duecall.adapter.redis;

import io.duecall.port.AttemptLedger;
import io.duecall.port.AttemptLedgerContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAttemptLedgerTest extends AttemptLedgerContract {
    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();

    @Override
    protected AttemptLedger newLedger() {
        return new RedisAttemptLedger(redis.jedis(), redis.keys());
    }
}
