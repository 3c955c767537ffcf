package io.duecall.adapter.redis;

import io.duecall.port.StoreUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code redis-server} process on loopback with its data in a directory we own, append-only file on and fsync
 * once a second, so it can be stopped and started again on the same port and data (for the cluster demo and the
 * fault tests). It never touches a Redis it did not start.
 */
public final class RedisServerProcess implements AutoCloseable {
    /** The persistence every dialer deployment should run: AOF, fsync every second (at most ~1 s of writes lost). */
    public static final String FSYNC_POLICY = "everysec";
    private static final long START_TIMEOUT_SECONDS = 10;
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    private RedisServerProcess(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /** The {@code redis-server} on PATH, if there is one. */
    public static Optional<Path> binaryOnPath() {
        return RedisProvisioner.findOnPath("redis-server");
    }

    /** Starts a server on a free loopback port with its files in {@code dir}. */
    public static RedisServerProcess start(Path binary, Path dir) {
        var server = new RedisServerProcess(binary, dir, RedisProvisioner.freeLoopbackPort());
        server.start();
        return server;
    }

    /** Starts the server again on the same port and data after {@link #stop()}; it replays its append-only file. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is already running");
        }
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--save", "", "--appendonly", "yes", "--appendfsync", FSYNC_POLICY)
                    .directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new StoreUnavailableException("redis: could not run " + binary, e);
        }
        awaitReady(process);
    }

    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Stops the server as an operator would (SIGTERM: it flushes its append-only file first). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Reads the log until the server is ready to accept connections (after replaying its AOF); keeps draining. */
    private void awaitReady(Process started) {
        var ready = new CompletableFuture<Void>();
        var output = new StringBuilder();
        var reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
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
            started.destroyForcibly();
            throw new StoreUnavailableException("redis: redis-server on port " + port + " did not start", e);
        } catch (InterruptedException e) {
            started.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("redis: interrupted while starting redis-server", e);
        }
    }
}
