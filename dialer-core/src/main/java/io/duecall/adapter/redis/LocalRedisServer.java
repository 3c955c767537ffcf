package io.duecall.adapter.redis;

import io.duecall.port.StoreUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts a throwaway {@code redis-server} process (no persistence, loopback only) in a temporary directory. */
final class LocalRedisServer {
    private static final long START_TIMEOUT_SECONDS = 10;
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private LocalRedisServer() {}

    static ProvisionedRedis start(Path binary) {
        var port = RedisProvisioner.freeLoopbackPort();
        Process process;
        Path dir;
        try {
            dir = Files.createTempDirectory("duecall-redis-");
            process = new ProcessBuilder(binary.toString(), "--save", "", "--appendonly", "no",
                    "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new StoreUnavailableException("redis: could not run " + binary, e);
        }
        awaitReady(process, port);
        var description = "started redis-server pid " + process.pid() + " on port " + port;
        return new ProvisionedRedis(URI.create("redis://127.0.0.1:" + port), description, () -> stop(process, dir));
    }

    /** Reads the server's log until it says it is ready; the reader keeps draining so the pipe never fills. */
    private static void awaitReady(Process process, int port) {
        var ready = new CompletableFuture<Void>();
        var output = new StringBuilder();
        var reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!ready.isDone()) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("Ready to accept connections")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("redis-server exited:\n" + output));
        }, "redis-server-" + port + "-log");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new StoreUnavailableException("redis: redis-server on port " + port + " did not start", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("redis: interrupted while starting redis-server", e);
        }
    }

    private static void stop(Process process, Path dir) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
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
