package io.duecall.demo;

import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.devsupport.LocalRedis;

/** The demo's Redis: an existing one, else one started for the run and stopped when the handle closes. */
public final class DevRedis {
    private DevRedis() {}

    public static ProvisionedRedis provision() {
        var local = LocalRedis.provision();
        return ProvisionedRedis.started(local.uri(), local.description(), local::close);
    }
}
