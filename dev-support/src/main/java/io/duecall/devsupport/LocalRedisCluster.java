package io.duecall.devsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A throwaway Redis Cluster on loopback: {@code masters} {@code redis-server --cluster-enabled yes} processes (no
 * persistence, no replicas) in a temporary directory, joined by {@code redis-cli --cluster create}. For tests and
 * demos; both binaries come from PATH.
 */
public final class LocalRedisCluster implements AutoCloseable {
    private static final long CREATE_TIMEOUT_SECONDS = 30;
    private static final long READY_TIMEOUT_MILLIS = 15_000;
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<HostAndPort> nodes = new ArrayList<>();

    private LocalRedisCluster(Path dir) {
        this.dir = dir;
    }

    /** What is missing from PATH to start a cluster ("redis-server, redis-cli"), or empty when both are there. */
    public static Optional<String> missingBinaries() {
        var missing = Stream.of("redis-server", "redis-cli")
                .filter(name -> LocalRedis.findOnPath(name).isEmpty()).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }

    /** Starts {@code masters} nodes (at least 3, as Redis Cluster requires) and returns once every slot is served. */
    public static LocalRedisCluster start(int masters) {
        if (masters < 3) {
            throw new IllegalArgumentException("masters: " + masters + " (expected >= 3)");
        }
        missingBinaries().ifPresent(missing -> {
            throw new IllegalStateException("a Redis Cluster needs " + missing + " on PATH");
        });
        Path dir;
        try {
            dir = Files.createTempDirectory("duecall-redis-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for a Redis Cluster", e);
        }
        var cluster = new LocalRedisCluster(dir);
        try {
            for (int i = 0; i < masters; i++) {
                cluster.startNode(i);
            }
            cluster.join();
            cluster.awaitReady();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public List<HostAndPort> nodes() {
        return List.copyOf(nodes);
    }

    private void startNode(int index) {
        var nodeDir = dir.resolve("node-" + index);
        var port = LoopbackPorts.free();
        var busPort = LoopbackPorts.free();
        try {
            Files.createDirectories(nodeDir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + nodeDir, e);
        }
        var binary = LocalRedis.findOnPath("redis-server").orElseThrow();
        processes.add(RedisServerLaunch.start(binary, nodeDir, port, List.of("--save", "", "--appendonly", "no",
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-port",
                Integer.toString(busPort), "--cluster-node-timeout", "5000")));
        nodes.add(new HostAndPort("127.0.0.1", port));
    }

    private void join() {
        var command = new ArrayList<>(List.of(LocalRedis.findOnPath("redis-cli").orElseThrow().toString(),
                "--cluster", "create"));
        nodes.forEach(node -> command.add(node.toString()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        var log = dir.resolve("create.log");
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("redis: redis-cli --cluster create did not finish in "
                        + CREATE_TIMEOUT_SECONDS + " s", null);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("redis: redis-cli --cluster create failed (exit "
                        + process.exitValue() + "):\n" + Files.readString(log, StandardCharsets.UTF_8), null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("redis: could not run redis-cli --cluster create", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("redis: interrupted while creating a Redis Cluster", e);
        }
    }

    /** Every node must report {@code cluster_state:ok} before the first client asks it for slots. */
    private void awaitReady() {
        var deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        for (var node : nodes) {
            while (!stateOk(node)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("redis: cluster node " + node + " is not ok after "
                            + READY_TIMEOUT_MILLIS + " ms", null);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("redis: interrupted while waiting for the cluster", e);
                }
            }
        }
    }

    private static boolean stateOk(HostAndPort node) {
        try (var jedis = new Jedis(node)) {
            return jedis.clusterInfo().contains("cluster_state:ok");
        } catch (JedisException e) {
            return false;
        }
    }

    /** Stops every node and deletes the temporary directory. */
    @Override
    public void close() {
        for (var process : processes) {
            try {
                RedisServerLaunch.stop(process, STOP_TIMEOUT_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        try {
            DirectoryTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cleaning " + dir, e);
        }
    }
}
