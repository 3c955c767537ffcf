package io.duecall.ivr.adapter.agi;

import io.duecall.devsupport.LocalRedis;
import java.net.URI;

/** The Redis these tests share: REDIS_URL, else 127.0.0.1:6379, else one started for the test run and stopped after. */
final class TestRedis {
    private static LocalRedis redis;

    private TestRedis() {}

    static synchronized URI uri() {
        if (redis == null) {
            redis = LocalRedis.provision();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "ivr-test-redis-shutdown"));
        }
        return redis.uri();
    }
}
