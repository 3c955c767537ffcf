package io.duecall.adapter.quartz;

import java.time.Duration;

/**
 * Where clustered Quartz keeps its jobs: a PostgreSQL database shared by every node. {@code checkinInterval} is how
 * often a node tells the others it is alive; a node silent for longer than that is taken over. The password never
 * appears in {@link #toString()}.
 */
public record QuartzCluster(String jdbcUrl, String user, String password, Duration checkinInterval) {
    public static final Duration DEFAULT_CHECKIN = Duration.ofMillis(7500);

    public QuartzCluster {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "scheduler.clustered.jdbcUrl: " + jdbcUrl + " (expected jdbc:postgresql://host:port/database)");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("scheduler.clustered.user: '" + user + "' (expected a database user)");
        }
        if (checkinInterval == null || checkinInterval.toMillis() < 100) {
            throw new IllegalArgumentException(
                    "scheduler.clustered.checkinInterval: " + checkinInterval + " (expected >= PT0.1S)");
        }
    }

    public QuartzCluster(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_CHECKIN);
    }

    @Override
    public String toString() {
        return "QuartzCluster[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***, checkinInterval="
                + checkinInterval + "]";
    }
}
