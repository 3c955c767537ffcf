package io.duecall.demo;

import io.duecall.engine.ClusterNode;
import io.duecall.engine.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A dialer node running as a child JVM ({@code Main node}) on this JVM's class path; its output goes to a log file.
 * It can be stopped as an operator would (a {@code stop} line: it finishes its calls) or killed outright.
 */
final class NodeProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private NodeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static NodeProcess start(String name, Path config, Map<String, String> environment, Instant origin,
            Instant anchor, double speed, Path log) throws IOException {
        var java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var command = new ArrayList<String>();
        command.add(java);
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "node",
                "--config", config.toString(), "--name", name, "--origin", origin.toString(),
                "--anchor", Long.toString(anchor.toEpochMilli()), "--speed", Double.toString(speed)));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        var process = builder.start();
        var node = new NodeProcess(name, process, log);
        node.pumpOutput();
        return node;
    }

    private void pumpOutput() {
        var pump = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    var file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    file.write(line);
                    file.newLine();
                    file.flush();
                    if (line.startsWith(ClusterNode.READY + " ")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("node " + name + " exited before it was ready; see " + log));
        }, "node-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the node's {@code ready} line; fails, naming the log, if it exits or takes too long. */
    void awaitReady(Duration timeout) throws InterruptedException {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("node " + name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
        }
    }

    /** kill -9: no shutdown hook, no last ledger line, leases left as they were. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Asks the node to stop dialing and finish its calls; true if it exited cleanly within {@code timeout}. */
    boolean stop(Duration timeout) throws InterruptedException {
        if (!process.isAlive()) {
            return false;
        }
        try (var in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
            in.println(ClusterNode.STOP);
        } catch (UncheckedIOException e) {
            return false;
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return false;
        }
        return process.exitValue() == 0;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
