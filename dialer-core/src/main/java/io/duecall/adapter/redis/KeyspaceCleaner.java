package io.duecall.adapter.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * Deletes every key under a prefix with SCAN and UNLINK, never KEYS or FLUSHDB, so it is safe on a Redis that
 * other prefixes (other tests, other deployments) share.
 */
public final class KeyspaceCleaner {
    private static final int BATCH = 500;

    private KeyspaceCleaner() {}

    /** Deletes all keys named {@code prefix:...}; returns how many were deleted. */
    public static long deleteAll(UnifiedJedis jedis, String prefix) {
        var pattern = new RedisKeys(prefix).everything();
        var params = new ScanParams().match(pattern).count(BATCH);
        return Redis.call("delete keys matching " + pattern, () -> {
            long deleted = 0;
            var cursor = ScanParams.SCAN_POINTER_START;
            do {
                var page = jedis.scan(cursor, params);
                if (!page.getResult().isEmpty()) {
                    deleted += jedis.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            return deleted;
        });
    }
}
