package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.blankToNull;
import static io.duecall.engine.config.Defaults.or;

import io.duecall.adapter.redis.RedisPools;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code redis:}. {@code url} empty: use REDIS_URL, else a Redis on 127.0.0.1:6379, else start one. {@code cluster}:
 * the {@code host:port} seed nodes of a Redis Cluster to use instead (then {@code url} must be empty).
 * {@code poolSize}: connections the node keeps to Redis (to each master of a cluster) at most, shared by the dial
 * ticks, the ledger writer and every IVR session.
 */
public record RedisSettings(String url, String keyPrefix, List<String> cluster, Integer poolSize) {
    public RedisSettings(String url, String keyPrefix) {
        this(url, keyPrefix, null, null);
    }

    /** A single Redis found as the README describes, keys under {@code duecall:}, 64 connections at most. */
    public static RedisSettings defaults() {
        return new RedisSettings(null, "duecall", null, RedisPools.DEFAULT_POOL_SIZE);
    }

    /** This section with each key left out taken from {@link #defaults()}; a blank url counts as left out. */
    public RedisSettings withDefaults() {
        var d = defaults();
        return new RedisSettings(blankToNull(url), or(keyPrefix, d.keyPrefix()), cluster, or(poolSize, d.poolSize()));
    }

    /** Adds each problem of this (defaulted) section to {@code errors}, named by its key. */
    void validate(List<String> errors) {
        if (cluster != null) {
            if (cluster.isEmpty()) {
                errors.add("redis.cluster is empty but it must name at least one host:port (or be left out)");
            }
            if (url != null) {
                errors.add("redis.url and redis.cluster are both set but only one may be: a url for one Redis, "
                        + "cluster for the seed nodes of a Redis Cluster");
            }
            for (int i = 0; i < cluster.size(); i++) {
                if (node(cluster.get(i)) == null) {
                    errors.add("redis.cluster[" + i + "] was '" + cluster.get(i)
                            + "' but it must be host:port with a port of 1-65535");
                }
            }
        }
        if (poolSize < 1) {
            errors.add("redis.poolSize was '" + poolSize + "' but it must be > 0");
        }
    }

    /** {@code redis.cluster}'s seed nodes, each {@code host:port}; empty for a single Redis. */
    public List<RedisNode> clusterNodes() {
        var nodes = new ArrayList<RedisNode>();
        if (cluster != null) {
            cluster.stream().map(RedisSettings::node).filter(n -> n != null).forEach(nodes::add);
        }
        return List.copyOf(nodes);
    }

    private static RedisNode node(String text) {
        var colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || text.substring(0, colon).isBlank()) {
            return null;
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            return port < 1 || port > 65535 ? null : new RedisNode(text.substring(0, colon).strip(), port);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
