package io.duecall.adapter.redis;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Redis ready to use: where it is (one server, or the seed nodes of a Redis Cluster), what was done to get it, and
 * how to stop it if it was started for us.
 */
public final class ProvisionedRedis implements AutoCloseable {
    private final URI uri;
    private final List<HostAndPort> clusterNodes;
    private final String description;
    private final Runnable stop;

    ProvisionedRedis(URI uri, String description, Runnable stop) {
        this(uri, List.of(), description, stop);
    }

    ProvisionedRedis(URI uri, List<HostAndPort> clusterNodes, String description, Runnable stop) {
        this.uri = uri;
        this.clusterNodes = List.copyOf(clusterNodes);
        this.description = description;
        this.stop = stop;
    }

    /** A single Redis started elsewhere (by the demo, a test, a benchmark); closing the handle runs {@code stop}. */
    public static ProvisionedRedis started(URI uri, String description, Runnable stop) {
        return new ProvisionedRedis(uri, description, stop);
    }

    /** A Redis Cluster started elsewhere, reached through {@code nodes}; closing the handle leaves it running. */
    public static ProvisionedRedis startedCluster(List<HostAndPort> nodes) {
        return new ProvisionedRedis(URI.create("redis://" + nodes.getFirst()), nodes,
                "local redis cluster at " + describe(nodes), () -> {});
    }

    /** The server's address; for a cluster, its first seed node's. */
    public URI uri() {
        return uri;
    }

    /** The cluster's seed nodes, or empty for a single Redis. */
    public List<HostAndPort> clusterNodes() {
        return clusterNodes;
    }

    /** A new client: a {@link JedisCluster} for a cluster, else a {@link JedisPooled}. The caller closes it. */
    public UnifiedJedis connect() {
        return connect(RedisPools.DEFAULT_POOL_SIZE);
    }

    /** As {@link #connect()}, with up to {@code poolSize} connections (to each master of a cluster). */
    public UnifiedJedis connect(int poolSize) {
        return clusterNodes.isEmpty() ? RedisPools.open(uri, poolSize)
                : RedisPools.openCluster(Set.copyOf(clusterNodes), poolSize);
    }

    /** "existing redis at ...", "existing redis cluster at ...", "started redis-server pid ... on port ...", .... */
    public String description() {
        return description;
    }

    /** Stops the server if this handle started it; an existing server is left running. */
    @Override
    public void close() {
        stop.run();
    }

    @Override
    public String toString() {
        return description;
    }

    static String describe(List<HostAndPort> nodes) {
        return nodes.stream().map(HostAndPort::toString).collect(Collectors.joining(", "));
    }
}
