package io.duecall.adapter.redis;

import io.duecall.port.DispositionLog;
import io.duecall.port.DispositionLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisDispositionLogTest extends DispositionLogContract {
    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    @Override
    protected DispositionLog newLog() {
        return new RedisDispositionLog(redis.jedis(), redis.keys());
    }

    @Override
    protected DispositionLog sameStorage() {
        return new RedisDispositionLog(redis.jedis(), redis.keys());
    }
}
