package io.duecall.adapter.redis;

import java.net.URI;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import java.util.Set;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;

/**
 * The engine's Redis client: one pool of connections shared by the dial ticks, the call closer and every IVR session.
 * Jedis's own default pool holds 8 connections, so hundreds of concurrent calls would queue for a connection while
 * Redis itself sits idle; a borrower that waits longer than {@link #BORROW_TIMEOUT} fails instead of hanging.
 */
public final class RedisPools {
    /** Enough for hundreds of concurrent calls on one node: each holds a connection only for one command or script. */
    public static final int DEFAULT_POOL_SIZE = 64;
    static final Duration BORROW_TIMEOUT = Duration.ofSeconds(2);

    private RedisPools() {}

    /** A pooled client for {@code uri} with up to {@code size} connections (at least 1). */
    public static JedisPooled open(URI uri, int size) {
        return new JedisPooled(poolConfig(size), uri);
    }

    /** A cluster client for the seed {@code nodes} with up to {@code size} connections to each master. */
    public static JedisCluster openCluster(Set<HostAndPort> nodes, int size) {
        return new JedisCluster(nodes, DefaultJedisClientConfig.builder().build(), poolConfig(size));
    }

    private static GenericObjectPoolConfig<Connection> poolConfig(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("redis.poolSize: " + size + " (expected >= 1)");
        }
        var config = new GenericObjectPoolConfig<Connection>();
        config.setMaxTotal(size);
        config.setMaxIdle(size);
        config.setMinIdle(Math.min(size, 8));
        config.setMaxWait(BORROW_TIMEOUT);
        config.setJmxEnabled(false);
        return config;
    }
}
