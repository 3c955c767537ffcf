package io.duecall.adapter.redis;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Deletes every key under a prefix with SCAN and UNLINK, never KEYS or FLUSHDB, so it is safe on a Redis that
 * other prefixes (other tests, other deployments) share. On a Redis Cluster it scans every master and unlinks key
 * by key in a pipeline, since one UNLINK may not span slots.
 */
public final class KeyspaceCleaner {
    private static final int BATCH = 500;

    private KeyspaceCleaner() {}

    /** Deletes all keys named {@code prefix:...}; returns how many were deleted. */
    public static long deleteAll(UnifiedJedis jedis, String prefix) {
        var pattern = new RedisKeys(prefix).everything();
        return Redis.call("delete keys matching " + pattern, () -> {
            long[] deleted = {0};
            KeyScan.forEachPage(jedis, pattern, BATCH, page -> deleted[0] += unlink(jedis, page));
            return deleted[0];
        });
    }

    private static long unlink(UnifiedJedis jedis, List<String> keys) {
        if (!Redis.isCluster(jedis)) {
            return jedis.unlink(keys.toArray(String[]::new));
        }
        var replies = new ArrayList<Response<Long>>();
        try (var pipeline = jedis.pipelined()) {
            keys.forEach(key -> replies.add(pipeline.unlink(key)));
            pipeline.sync();
        }
        return replies.stream().mapToLong(Response::get).sum();
    }
}
