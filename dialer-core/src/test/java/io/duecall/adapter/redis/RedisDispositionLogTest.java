package io.duecall.adapter.redis;

import io.duecall.port.DispositionLog;
import io.duecall.port.DispositionLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisDispositionLogTest extends DispositionLogContract {
    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();

    @Override
    protected DispositionLog newLog() {
        return new RedisDispositionLog(redis.jedis(), redis.keys());
    }

    @Override
    protected DispositionLog sameStorage() {
        return new RedisDispositionLog(redis.jedis(), redis.keys());
    }
}
