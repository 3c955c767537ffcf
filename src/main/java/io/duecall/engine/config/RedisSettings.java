package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.blankToNull;
import static io.duecall.engine.config.Defaults.or;

import io.duecall.adapter.redis.RedisPools;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code redis:}. {@code url} empty: use REDIS_URL, else a Redis on 127.0.0.1:6379, else start one. {@code cluster}:
 * the {@code host:port} seed nodes of a Redis Cluster to use instead (then {@code url} must be empty).
 * {@code poolSize}: connections the node keeps to Redis (to each master of a cluster) at most, shared by the dial
 * ticks, the ledger writer and every IVR session. {@code password}: a secret reference in the file ({@code env:NAME}
 * or {@code file:/path}; the url holds no password); the password itself once validated.
 */
public record RedisSettings(String url, String keyPrefix, List<String> cluster, Integer poolSize, String password) {
    public RedisSettings(String url, String keyPrefix) {
        this(url, keyPrefix, null, null, null);
    }

    /** A single Redis found as the README describes, keys under {@code duecall:}, 64 connections at most. */
    public static RedisSettings defaults() {
        return new RedisSettings(null, "duecall", null, RedisPools.DEFAULT_POOL_SIZE, null);
    }

    /** This section with each key left out taken from {@link #defaults()}; a blank url counts as left out. */
    public RedisSettings withDefaults() {
        var d = defaults();
        return new RedisSettings(blankToNull(url), or(keyPrefix, d.keyPrefix()), cluster, or(poolSize, d.poolSize()),
                password);
    }

    /** This section with its password resolved; a problem is added to {@code errors}. */
    RedisSettings withSecrets(SecretResolver secrets) {
        return new RedisSettings(url, keyPrefix, cluster, poolSize,
                secrets.resolve("redis.password", password, "REDIS_PASSWORD", "/run/secrets/redis"));
    }

    /** Adds each problem of this (defaulted) section to {@code errors}, named by its key. */
    void validate(List<String> errors) {
        if (url != null && userInfo(url) != null) {
            errors.add("redis.url holds credentials (expected the password in redis.password as a secret reference"
                    + " such as env:REDIS_PASSWORD or file:/run/secrets/redis)");
        }
        if (cluster != null && password != null) {
            errors.add("redis.password is set with redis.cluster, but cluster connections take no password"
                    + " (expected one Redis in redis.url, or no redis.password)");
        }
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

    /** The single Redis to use: {@code base} (the url, REDIS_URL or the default) with the password, if any. */
    public URI withPassword(URI base) {
        if (password == null) {
            return base;
        }
        try {
            return new URI(base.getScheme(), ":" + password, base.getHost(), base.getPort(), base.getPath(),
                    base.getQuery(), base.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("redis.url: '" + base + "' cannot take a password", e);
        }
    }

    @Override
    public String toString() {
        return "RedisSettings[url=" + url + ", keyPrefix=" + keyPrefix + ", cluster=" + cluster + ", poolSize="
                + poolSize + ", password=" + (password == null ? "none" : "****") + "]";
    }

    private static String userInfo(String url) {
        try {
            return URI.create(url.strip()).getRawUserInfo();
        } catch (IllegalArgumentException e) {
            return null;
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
