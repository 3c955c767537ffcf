package io.duecall.adapter.redis;

import io.duecall.port.StoreUnavailableException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Reaches a deployment's Redis, which must already run: one server at a URL, or a Redis Cluster through its seed
 * nodes. Starting a Redis of our own is for the demo, the tests and the benchmarks ({@code dev-support}).
 */
public final class RedisProvisioner {
    public static final String URL_ENV = "REDIS_URL";
    public static final URI DEFAULT_LOCAL = URI.create("redis://127.0.0.1:6379");
    private static final int PING_TIMEOUT_MILLIS = 500;

    private RedisProvisioner() {}

    /**
     * An existing Redis Cluster reached through its seed nodes (any of them suffices; the client learns the rest).
     * Fails naming the nodes when none answers or the cluster cannot serve every slot.
     */
    public static ProvisionedRedis cluster(List<HostAndPort> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("redis.cluster: no nodes given");
        }
        var named = ProvisionedRedis.describe(nodes);
        try (var cluster = new JedisCluster(Set.copyOf(nodes), PING_TIMEOUT_MILLIS * 4, PING_TIMEOUT_MILLIS * 4, 1,
                new ConnectionPoolConfig())) {
            for (var node : cluster.getClusterNodes().entrySet()) {
                try (var connection = node.getValue().getResource()) {
                    if (!new Jedis(connection).clusterInfo().contains("cluster_state:ok")) {
                        throw new StoreUnavailableException("redis: the cluster at " + named
                                + " is not ready (cluster_state is not ok on " + node.getKey() + ")", null);
                    }
                }
            }
        } catch (JedisException e) {
            throw new StoreUnavailableException("redis: no Redis Cluster answers at " + named + ": " + e.getMessage(), e);
        }
        var first = nodes.getFirst();
        return new ProvisionedRedis(URI.create("redis://" + first.getHost() + ":" + first.getPort()), nodes,
                "existing redis cluster at " + named, () -> {});
    }

    /** The single Redis at {@code uri}; fails naming it when it does not answer PING or is a Redis Cluster node. */
    public static ProvisionedRedis existing(URI uri) {
        String cluster;
        try (var jedis = new Jedis(uri, PING_TIMEOUT_MILLIS)) {
            jedis.ping();
            cluster = jedis.info("cluster");
        } catch (JedisException e) {
            throw new StoreUnavailableException("redis: " + uri.getHost() + ":" + uri.getPort() + " does not answer PING", e);
        }
        if (cluster.contains("cluster_enabled:1")) {
            throw new StoreUnavailableException("redis: " + uri.getHost() + ":" + uri.getPort()
                    + " is a Redis Cluster node; name the cluster's nodes in redis.cluster instead of redis.url", null);
        }
        return new ProvisionedRedis(uri, "existing redis at " + uri.getHost() + ":" + uri.getPort(), () -> {});
    }
}
