package io.duecall.engine;

import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.devsupport.LocalRedis;

/** The tests' Redis: an existing one, else one started for the test class and stopped when the handle closes. */
final class TestRedis {
    private TestRedis() {}

    static ProvisionedRedis provision() {
        var local = LocalRedis.provision();
        return ProvisionedRedis.started(local.uri(), local.description(), local::close);
    }
}
