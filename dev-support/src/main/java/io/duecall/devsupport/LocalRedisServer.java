package io.duecall.devsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts a throwaway {@code redis-server} process (no persistence, loopback only) in a temporary directory. */
final class LocalRedisServer {
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private LocalRedisServer() {}

    static LocalRedis start(Path binary) {
        var port = LoopbackPorts.free();
        Path dir;
        try {
            dir = Files.createTempDirectory("duecall-redis-");
        } catch (IOException e) {
            throw new IllegalStateException("redis: could not run " + binary, e);
        }
        var process = RedisServerLaunch.start(binary, dir, port, List.of("--save", "", "--appendonly", "no"));
        var description = "started redis-server pid " + process.pid() + " on port " + port;
        return new LocalRedis(URI.create("redis://127.0.0.1:" + port), description, () -> stop(process, dir));
    }

    private static void stop(Process process, Path dir) {
        try {
            RedisServerLaunch.stop(process, STOP_TIMEOUT_SECONDS);
            try (var files = Files.list(dir)) {
                for (var file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("cleaning " + dir, e);
        }
    }
}
