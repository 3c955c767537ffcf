package io.duecall.adapter.quartz;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/** A schema of its own in the local PostgreSQL for one test, dropped afterwards; skips the test when none answers. */
final class LocalPostgres implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";
    final String schema = "duecall_q_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    LocalPostgres() throws SQLException {
        try (var connection = connect(SERVER)) {
            connection.createStatement().execute("create schema " + schema);
        }
    }

    static LocalPostgres orSkip() throws SQLException {
        try (var ignored = connect(SERVER)) {
            // answered
        } catch (SQLException e) {
            assumeTrue(false, "no PostgreSQL answers on 127.0.0.1:5432 as user postgres (" + e.getMessage()
                    + "): clustered Quartz tests skipped");
        }
        return new LocalPostgres();
    }

    QuartzCluster cluster(Duration checkin) {
        return new QuartzCluster(SERVER + "?currentSchema=" + schema, "postgres", null, checkin);
    }

    /** The same schema reached through another port on 127.0.0.1, such as a relay a test can cut. */
    QuartzCluster clusterVia(int port, Duration checkin) {
        return new QuartzCluster("jdbc:postgresql://127.0.0.1:" + port + "/postgres?currentSchema=" + schema,
                "postgres", null, checkin);
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return 5432;
    }

    static Connection connect(String url) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void close() throws SQLException {
        try (var connection = connect(SERVER)) {
            connection.createStatement().execute("drop schema " + schema + " cascade");
        }
    }
}
