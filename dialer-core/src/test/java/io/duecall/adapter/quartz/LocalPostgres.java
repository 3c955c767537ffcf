package io.duecall.adapter.quartz;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duecall.devsupport.PostgresServerProcess;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/**
 * A schema of its own in a local PostgreSQL for one test, dropped afterwards. The server is the one on
 * 127.0.0.1:{@value #DEFAULT_PORT} (or {@code DUECALL_TEST_POSTGRES_PORT} / {@code -Dduecall.test.postgres.port});
 * when none answers there, a {@link PostgresServerProcess} of the test JVM's own. The test is skipped only when neither
 * can be had, and the reason says why.
 */
public final class LocalPostgres implements AutoCloseable {
    static final int DEFAULT_PORT = 5432;
    private static Integer resolvedPort;
    private static String unavailable;
    public final String schema = "duecall_q_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final int port;

    private LocalPostgres(int port) throws SQLException {
        this.port = port;
        try (var connection = connect(url(port, "postgres"))) {
            connection.createStatement().execute("create schema " + schema);
        }
    }

    public static LocalPostgres orSkip() throws SQLException {
        var port = serverPort();
        assumeTrue(port > 0, () -> unavailable + ": clustered Quartz tests skipped");
        return new LocalPostgres(port);
    }

    /** The port of the server the tests use, found or started once per JVM; 0 when there is none. */
    private static synchronized int serverPort() {
        if (resolvedPort == null) {
            var configured = System.getProperty("duecall.test.postgres.port",
                    System.getenv().getOrDefault("DUECALL_TEST_POSTGRES_PORT", Integer.toString(DEFAULT_PORT)));
            try {
                resolvedPort = serverFor(Integer.parseInt(configured.strip()));
            } catch (IOException | NumberFormatException e) {
                unavailable = e.getMessage();
                resolvedPort = 0;
            }
        }
        return resolvedPort;
    }

    /** {@code port} when a PostgreSQL answers there as user postgres, else the port of a throwaway server. */
    static int serverFor(int port) throws IOException {
        try (var ignored = connect(url(port, "postgres"))) {
            return port;
        } catch (SQLException e) {
            System.err.println("no PostgreSQL answers on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); starting a throwaway server for the tests");
        }
        try {
            return PostgresServerProcess.start().port();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a throwaway PostgreSQL", e);
        }
    }

    QuartzCluster cluster(Duration checkin) {
        return clusterVia(port, checkin);
    }

    /** The same schema reached through another port on 127.0.0.1, such as a relay a test can cut. */
    QuartzCluster clusterVia(int port, Duration checkin) {
        return new QuartzCluster(url(port, "postgres") + "?currentSchema=" + schema, "postgres", null, checkin);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The JDBC address of this test's schema, through {@code port} on 127.0.0.1 (the server's, or a relay's). */
    public String jdbcUrl(int port) {
        return url(port, "postgres") + "?currentSchema=" + schema;
    }

    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    /** Connections to this test's schema as user postgres. */
    public javax.sql.DataSource dataSource() {
        var source = new org.postgresql.ds.PGSimpleDataSource();
        source.setUrl(jdbcUrl());
        source.setUser("postgres");
        return source;
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

    @Override
    public void close() throws SQLException {
        try (var connection = connect(url(port, "postgres"))) {
            connection.createStatement().execute("drop schema " + schema + " cascade");
        }
    }
}
