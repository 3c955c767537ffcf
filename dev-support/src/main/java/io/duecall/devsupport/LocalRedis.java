package io.duecall.devsupport;

import io.duecall.common.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.RedisServer;

/**
 * A Redis for the demo, the tests and the benchmarks: the URL in env REDIS_URL or property duecall.redis.url; else
 * one answering on 127.0.0.1:6379; else a {@code redis-server} from PATH on a free loopback port; else the binary
 * bundled with embedded-redis. Property duecall.redis.mode (existing, local-binary, embedded) forces one path.
 * Closing it stops a server it started and leaves an existing one running. A deployment never starts its own Redis.
 */
public final class LocalRedis implements AutoCloseable {
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

    private final URI uri;
    private final String description;
    private final Runnable stop;

    LocalRedis(URI uri, String description, Runnable stop) {
        this.uri = uri;
        this.description = description;
        this.stop = stop;
    }

    /** Provisions as the environment and system properties say. */
    public static LocalRedis provision() {
        var url = Optional.ofNullable(System.getProperty(URL_PROPERTY)).or(() -> Optional.ofNullable(System.getenv(URL_ENV)))
                .filter(text -> !text.isBlank()).map(text -> URI.create(text.strip()));
        var mode = Optional.ofNullable(System.getProperty(MODE_PROPERTY)).filter(text -> !text.isBlank()).map(Mode::parse);
        return provision(url, mode);
    }

    public static LocalRedis provision(Optional<URI> url, Optional<Mode> forced) {
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
        return findOnPath("redis-server").map(LocalRedisServer::start).orElseGet(LocalRedis::embedded);
    }

    /** The server's address. */
    public URI uri() {
        return uri;
    }

    /** "existing redis at ...", "started redis-server pid ... on port ...", "embedded redis on port ...". */
    public String description() {
        return description;
    }

    /** Stops the server if this handle started it; an existing server is left running. */
    @Override
    public void close() {
        stop.run();
    }

    /** Whether a Redis answers PING at {@code uri} within half a second. */
    public static boolean answersPing(URI uri) {
        try (var jedis = new Jedis(uri, PING_TIMEOUT_MILLIS)) {
            return "PONG".equals(jedis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    private static LocalRedis existing(URI uri) {
        if (!answersPing(uri)) {
            throw new IllegalStateException("redis: " + uri.getHost() + ":" + uri.getPort() + " does not answer PING");
        }
        return new LocalRedis(uri, "existing redis at " + uri.getHost() + ":" + uri.getPort(), () -> {});
    }

    private static LocalRedis embedded() {
        var port = LoopbackPorts.free();
        try {
            var dir = Files.createTempDirectory("duecall-redis-");
            var server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").setting("dir " + dir.toAbsolutePath())
                    .build();
            server.start();
            return new LocalRedis(URI.create("redis://127.0.0.1:" + port), "embedded redis on port " + port, () -> {
                try {
                    server.stop();
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException("stopping embedded redis on port " + port, e);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("redis: embedded server on port " + port + " did not start", e);
        }
    }

    static Optional<Path> findOnPath(String binary) {
        return Executables.onPath(binary);
    }
}
