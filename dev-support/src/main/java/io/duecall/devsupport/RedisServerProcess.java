package io.duecall.devsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A {@code redis-server} process on loopback with its data in a directory we own, append-only file on and fsync
 * once a second, so it can be stopped and started again on the same port and data (for the cluster demo and the
 * fault tests). It never touches a Redis it did not start.
 */
public final class RedisServerProcess implements AutoCloseable {
    /** The persistence every dialer deployment should run: AOF, fsync every second (at most ~1 s of writes lost). */
    public static final String FSYNC_POLICY = "everysec";
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private boolean killedAtLastStop;

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
        return LocalRedis.findOnPath("redis-server");
    }

    /** Starts a server on a free loopback port with its files in {@code dir}. */
    public static RedisServerProcess start(Path binary, Path dir) {
        var server = new RedisServerProcess(binary, dir, LoopbackPorts.free());
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
        } catch (IOException e) {
            throw new IllegalStateException("redis: could not run " + binary, e);
        }
        process = RedisServerLaunch.start(binary, dir, port,
                List.of("--save", "", "--appendonly", "yes", "--appendfsync", FSYNC_POLICY));
    }

    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server as an operator would (SIGTERM: it flushes its append-only file first); if it has not stopped
     * within the timeout it is killed, and {@link #killedAtLastStop()} says so.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            killedAtLastStop = RedisServerLaunch.stop(process, STOP_TIMEOUT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Whether the last stop had to kill the server: writes of its last second may then be lost, as on a crash. */
    public synchronized boolean killedAtLastStop() {
        return killedAtLastStop;
    }

    @Override
    public void close() {
        stop();
    }
}
