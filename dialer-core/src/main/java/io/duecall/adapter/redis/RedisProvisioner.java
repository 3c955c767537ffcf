package io.duecall.adapter.redis;

import io.duecall.adapter.LoopbackPorts;
import io.duecall.port.StoreUnavailableException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.RedisServer;

/**
 * Finds or starts a Redis: the URL in env REDIS_URL or property duecall.redis.url; else one answering on
 * 127.0.0.1:6379; else a {@code redis-server} from PATH on a free loopback port; else the binary bundled with
 * embedded-redis. Property duecall.redis.mode (existing, local-binary, embedded) forces one path.
 */
public final class RedisProvisioner {
    public static final String URL_ENV = "REDIS_URL";
    public static final String URL_PROPERTY = "duecall.redis.url";
    public static final String MODE_PROPERTY = "duecall.redis.mode";
    public static final URI DEFAULT_LOCAL = URI.create("redis://127.0.0.1:6379");
    private static final int PING_TIMEOUT_MILLIS = 500;

    public enum Mode {
        EXISTING, LOCAL_BINARY, EMBEDDED;

        public static Mode parse(String text) {
            for (var mode : values()) {
                if (mode.name().replace('_', '-').equalsIgnoreCase(text.strip())) {
                    return mode;
                }
            }
            throw new IllegalArgumentException(MODE_PROPERTY + ": '" + text + "' (expected existing, local-binary or embedded)");
        }
    }

    private RedisProvisioner() {}

    /** Provisions as the environment and system properties say. */
    public static ProvisionedRedis provision() {
        var url = Optional.ofNullable(System.getProperty(URL_PROPERTY)).or(() -> Optional.ofNullable(System.getenv(URL_ENV)))
                .filter(text -> !text.isBlank()).map(text -> URI.create(text.strip()));
        var mode = Optional.ofNullable(System.getProperty(MODE_PROPERTY)).filter(text -> !text.isBlank()).map(Mode::parse);
        return provision(url, mode);
    }

    public static ProvisionedRedis provision(Optional<URI> url, Optional<Mode> forced) {
        if (forced.isPresent()) {
            return switch (forced.get()) {
                case EXISTING -> existing(url.orElse(DEFAULT_LOCAL));
                case LOCAL_BINARY -> LocalRedisServer.start(findOnPath("redis-server").orElseThrow(
                        () -> new IllegalStateException(MODE_PROPERTY + ": local-binary, but no redis-server is on PATH")));
                case EMBEDDED -> embedded();
            };
        }
        if (url.isPresent()) {
            return existing(url.get());
        }
        if (answersPing(DEFAULT_LOCAL)) {
            return existing(DEFAULT_LOCAL);
        }
        return findOnPath("redis-server").map(LocalRedisServer::start).orElseGet(RedisProvisioner::embedded);
    }

    static boolean answersPing(URI uri) {
        try (var jedis = new Jedis(uri, PING_TIMEOUT_MILLIS)) {
            return "PONG".equals(jedis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    private static boolean clusterEnabled(URI uri) {
        try (var jedis = new Jedis(uri, PING_TIMEOUT_MILLIS)) {
            return jedis.info("cluster").contains("cluster_enabled:1");
        } catch (JedisException e) {
            return false;
        }
    }

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

    private static ProvisionedRedis existing(URI uri) {
        if (!answersPing(uri)) {
            throw new StoreUnavailableException("redis: " + uri.getHost() + ":" + uri.getPort() + " does not answer PING", null);
        }
        if (clusterEnabled(uri)) {
            throw new StoreUnavailableException("redis: " + uri.getHost() + ":" + uri.getPort()
                    + " is a Redis Cluster node; name the cluster's nodes in redis.cluster instead of redis.url", null);
        }
        return new ProvisionedRedis(uri, "existing redis at " + uri.getHost() + ":" + uri.getPort(), () -> {});
    }

    private static ProvisionedRedis embedded() {
        var port = LoopbackPorts.free();
        try {
            var dir = Files.createTempDirectory("duecall-redis-");
            var server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").setting("dir " + dir.toAbsolutePath())
                    .build();
            server.start();
            return new ProvisionedRedis(URI.create("redis://127.0.0.1:" + port), "embedded redis on port " + port, () -> {
                try {
                    server.stop();
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException("stopping embedded redis on port " + port, e);
                }
            });
        } catch (IOException e) {
            throw new StoreUnavailableException("redis: embedded server on port " + port + " did not start", e);
        }
    }

    static Optional<Path> findOnPath(String binary) {
        var path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, binary))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
