package io.duecall.adapter.quartz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.quartz.utils.ConnectionProvider;

/**
 * Quartz's connections to the cluster's PostgreSQL, opened per use from the driver. Quartz holds one only for a
 * scheduling step, a few times per tick interval, so a pool would save little and add a library.
 */
final class JdbcConnections implements ConnectionProvider {
    private final QuartzCluster cluster;

    JdbcConnections(QuartzCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public Connection getConnection() throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", cluster.user());
        if (cluster.password() != null) {
            properties.setProperty("password", cluster.password());
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(cluster.jdbcUrl(), properties);
    }

    @Override
    public void shutdown() {}

    @Override
    public void initialize() {}
}
