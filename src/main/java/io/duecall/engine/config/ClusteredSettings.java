package io.duecall.engine.config;

import io.duecall.adapter.quartz.QuartzCluster;
import java.util.List;

/**
 * {@code scheduler.clustered:}: the PostgreSQL database the nodes' Quartz shares. {@code password}: an
 * {@code env:NAME} or {@code file:/path} reference; none for a database that trusts the node's address.
 */
public record ClusteredSettings(String jdbcUrl, String user, String password) {
    QuartzCluster resolve(SecretResolver secrets, List<String> errors) {
        if (jdbcUrl != null && jdbcUrl.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            errors.add("scheduler.clustered.jdbcUrl holds a password (expected it in scheduler.clustered.password as a"
                    + " secret reference such as env:QUARTZ_DB_PASSWORD or file:/run/secrets/quartz-db)");
            return null;
        }
        var resolved = secrets.resolve("scheduler.clustered.password", password, "QUARTZ_DB_PASSWORD",
                "/run/secrets/quartz-db");
        if (password != null && resolved == null) {
            return null;
        }
        try {
            return new QuartzCluster(jdbcUrl, user, resolved);
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    @Override
    public String toString() {
        return "ClusteredSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
    }
}
