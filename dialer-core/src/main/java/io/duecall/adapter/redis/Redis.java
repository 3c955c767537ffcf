package io.duecall.adapter.redis;

import io.duecall.port.StoreUnavailableException;
import java.util.function.Supplier;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/** Runs one Redis operation and turns Jedis failures into the port's {@link StoreUnavailableException}. */
final class Redis {
    private Redis() {}

    /**
     * Whether {@code jedis} talks to a Redis Cluster; there, one MULTI or one script may only touch keys of one slot.
     * Cluster clients are {@link JedisCluster}s.
     */
    static boolean isCluster(UnifiedJedis jedis) {
        return jedis instanceof JedisCluster;
    }

    static <T> T call(String operation, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new StoreUnavailableException("redis: " + operation + " failed: " + e.getMessage(), e);
        }
    }
}
