package io.duecall.devsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server of this process's own, for the clustered scheduler's tests and the cluster demo on a
 * machine where none runs: {@code initdb} into a temporary directory (trust authentication, superuser
 * {@code postgres}, only loopback), started on a free port and stopped by {@link #close()} or at JVM exit at the
 * latest. PostgreSQL refuses to run as root, so under root its programs run as the {@code postgres} system user
 * through {@code runuser}, owning the directory.
 */
public final class PostgresServerProcess implements AutoCloseable {
    private static final List<String> SEARCHED = List.of("/usr/lib/postgresql/*/bin", "PATH");
    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;
    private final Thread stopAtExit = new Thread(this::stop, "postgres-server-stop");
    private boolean stopped;

    private PostgresServerProcess(Path bin, Path data, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public int port() {
        return port;
    }

    /** The JDBC address of one of its databases ({@code postgres} always exists); connect as user {@code postgres}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts a server, or says why none could be started. */
    public static PostgresServerProcess start() throws IOException, InterruptedException {
        var bin = binaries().orElseThrow(() -> new IOException("no PostgreSQL programs (initdb, pg_ctl) in "
                + SEARCHED + "; install Debian's postgresql package (./duecall test does so when run as root)"));
        var root = "root".equals(System.getProperty("user.name"));
        var data = Files.createTempDirectory("duecall-pg-");
        if (root) {
            var postgres = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.getFileAttributeView(data, PosixFileAttributeView.class).setOwner(postgres);
        }
        var server = new PostgresServerProcess(bin, data, LoopbackPorts.free(), root);
        server.run("initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                "--no-sync", "--no-instructions");
        server.run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "30",
                "-o", "-p " + server.port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        Runtime.getRuntime().addShutdownHook(server.stopAtExit);
        return server;
    }

    /** Stops the server at once (no checkpoint: its data is thrown away) and deletes its directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run; stop() is idempotent
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException e) {
            System.err.println("the PostgreSQL in " + data + " did not stop: " + e.getMessage());
        }
        try {
            DirectoryTrees.delete(data);
        } catch (IOException e) {
            System.err.println("the PostgreSQL directory " + data + " was not removed: " + e.getMessage());
        }
    }

    private void run(String program, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }

    /** The newest {@code /usr/lib/postgresql/N/bin}, else the directory of {@code pg_ctl} on the PATH. */
    public static Optional<Path> binaries() throws IOException {
        var debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.map(version -> version.resolve("bin"))
                        .filter(PostgresServerProcess::hasPrograms)
                        .max(Comparator.comparingInt(PostgresServerProcess::major));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .filter(PostgresServerProcess::hasPrograms)
                .findFirst();
    }

    private static boolean hasPrograms(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
