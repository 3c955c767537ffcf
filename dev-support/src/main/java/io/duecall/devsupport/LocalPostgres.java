package io.duecall.devsupport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * A PostgreSQL for the tests and the benchmarks, shared by the JVM: the one answering as user {@code postgres} on
 * 127.0.0.1:{@value #DEFAULT_PORT} (or {@code DUECALL_TEST_POSTGRES_PORT} / {@code -Dduecall.test.postgres.port}),
 * else a {@link PostgresServerProcess} of the JVM's own. Each user takes a {@link Schema} of its own, dropped when
 * closed. Needs the PostgreSQL JDBC driver on the class path.
 */
public final class LocalPostgres {
    public static final int DEFAULT_PORT = 5432;
    private static LocalPostgres shared;
    private static String unavailable;
    private final int port;
    private final String description;

    private LocalPostgres(int port, String description) {
        this.port = port;
        this.description = description;
    }

    /** The JVM's PostgreSQL, found or started on first use; throws, saying why, when there can be none. */
    public static synchronized LocalPostgres shared() throws IOException {
        if (shared == null && unavailable == null) {
            try {
                shared = find();
            } catch (IOException e) {
                unavailable = e.getMessage();
            }
        }
        if (shared == null) {
            throw new IOException(unavailable);
        }
        return shared;
    }

    private static LocalPostgres find() throws IOException {
        var configured = System.getProperty("duecall.test.postgres.port",
                System.getenv().getOrDefault("DUECALL_TEST_POSTGRES_PORT", Integer.toString(DEFAULT_PORT)));
        int port;
        try {
            port = Integer.parseInt(configured.strip());
        } catch (NumberFormatException e) {
            throw new IOException("DUECALL_TEST_POSTGRES_PORT '" + configured + "' is not a port");
        }
        try (var ignored = connect(url(port, "postgres"))) {
            return new LocalPostgres(port, "the PostgreSQL on 127.0.0.1:" + port);
        } catch (SQLException e) {
            System.err.println("no PostgreSQL answers on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); starting a throwaway server");
        }
        try {
            var server = PostgresServerProcess.start();
            return new LocalPostgres(server.port(), "a throwaway PostgreSQL on 127.0.0.1:" + server.port()
                    + " (initdb into a temporary directory)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a throwaway PostgreSQL", e);
        }
    }

    public int port() {
        return port;
    }

    public String description() {
        return description;
    }

    /** A new schema of the {@code postgres} database, named {@code <prefix>_<random>}. */
    public Schema newSchema(String prefix) throws SQLException {
        var name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = connect(url(port, "postgres"))) {
            connection.createStatement().execute("create schema " + name);
        }
        return new Schema(name);
    }

    /** One user's schema: its JDBC address (user {@code postgres}, no password); closing drops it and its tables. */
    public final class Schema implements AutoCloseable {
        private final String name;

        private Schema(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public String jdbcUrl() {
            return url(port, "postgres") + "?currentSchema=" + name;
        }

        public String user() {
            return "postgres";
        }

        public Connection connect() throws SQLException {
            return LocalPostgres.connect(jdbcUrl());
        }

        @Override
        public void close() throws SQLException {
            try (var connection = LocalPostgres.connect(url(port, "postgres"))) {
                connection.createStatement().execute("drop schema if exists " + name + " cascade");
            }
        }
    }

    static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    static Connection connect(String url) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(url, properties);
    }
}
