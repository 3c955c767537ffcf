package io.duecall.devsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting and stopping a {@code redis-server} process on loopback: the part every Redis we run ourselves shares. */
final class RedisServerLaunch {
    private static final long START_TIMEOUT_SECONDS = 10;

    private RedisServerLaunch() {}

    /**
     * Runs {@code binary} on 127.0.0.1:{@code port} with its files in {@code dir} and the given persistence options,
     * and returns once it accepts connections.
     */
    static Process start(Path binary, Path dir, int port, List<String> persistence) {
        var command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--dir", dir.toString()));
        command.addAll(persistence);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis: could not run " + binary, e);
        }
        awaitReady(process, port);
        return process;
    }

    /**
     * Asks the server to stop (SIGTERM, so it flushes what it must), and kills it if it has not within the timeout;
     * returns whether it had to be killed (then the last second of its append-only file may be lost).
     */
    static boolean stop(Process process, long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(timeoutSeconds, TimeUnit.SECONDS);
            return true;
        }
        return false;
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
            throw new IllegalStateException("redis: redis-server on port " + port + " did not start", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("redis: interrupted while starting redis-server", e);
        }
    }
}
