package io.duecall.adapter.quartz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the engine's Quartz schedulers: in memory on a single node, or a clustered JDBC job store on PostgreSQL
 * where each trigger fires on exactly one live node and a dead node's jobs move to the others.
 */
final class QuartzSchedulers {
    private static final Logger LOG = LoggerFactory.getLogger(QuartzSchedulers.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String TABLES = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    private static final long SCHEMA_LOCK = 0x4475_6543_616c_6cL;
    /** How soon a node tries PostgreSQL again after losing it (check-in, trigger acquisition, job completion). */
    static final java.time.Duration DB_RETRY = java.time.Duration.ofSeconds(1);

    private QuartzSchedulers() {}

    /** When the trigger next fires, if it is scheduled at all. */
    static Optional<Instant> nextFire(Scheduler scheduler, TriggerKey key) {
        try {
            var trigger = scheduler.getTrigger(key);
            return Optional.ofNullable(trigger == null ? null : trigger.getNextFireTime())
                    .map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler did not answer: " + e.getMessage(), e);
        }
    }

    /** Runs the job {@code name} now, beside its schedule (a job that must not overlap itself waits its turn). */
    static void triggerNow(Scheduler scheduler, String name, String what) {
        try {
            scheduler.triggerJob(JobKey.jobKey(name));
        } catch (SchedulerException e) {
            throw new IllegalStateException(what + " could not be started: " + e.getMessage(), e);
        }
    }

    /** Stops the scheduler once its running jobs are done; {@code what} names it in the error. */
    static void shutdown(Scheduler scheduler, String what) {
        try {
            scheduler.shutdown(/* waitForJobsToComplete= */ true);
        } catch (SchedulerException e) {
            throw new IllegalStateException(what + " did not stop cleanly: " + e.getMessage(), e);
        }
    }

    static Scheduler inMemory(String name, int threads) throws SchedulerException {
        var properties = common(name + "-" + SEQUENCE.incrementAndGet(), threads);
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return create(properties);
    }

    /** A scheduler of the cluster {@code name}; every node must use the same name and database. */
    static Scheduler clustered(String name, int threads, QuartzCluster cluster) throws SchedulerException {
        return clustered(name, threads, cluster, new JdbcConnections(cluster));
    }

    static Scheduler clustered(String name, int threads, QuartzCluster cluster, ConnectionProvider connections)
            throws SchedulerException {
        createTables(connections, cluster);
        // Quartz keeps data sources in a JVM-wide registry; a name of its own keeps each scheduler's connections.
        var dataSource = "duecall-" + name + "-" + SEQUENCE.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, connections);
        var properties = common(name, threads);
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSource);
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                Long.toString(cluster.checkinInterval().toMillis()));
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // How soon a node tries the database again after losing it. Quartz reads this scheduler-level key and
        // writes it over the job store's own dbRetryInterval, whose 15 s default would otherwise win.
        properties.setProperty("org.quartz.scheduler.dbFailureRetryInterval", Long.toString(DB_RETRY.toMillis()));
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        LOG.info("clustered scheduler {} on {} as {}", name, cluster.jdbcUrl(), cluster.user());
        return create(properties);
    }

    private static Properties common(String name, int threads) {
        var properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", name);
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        return properties;
    }

    private static Scheduler create(Properties properties) throws SchedulerException {
        var scheduler = new StdSchedulerFactory(properties).getScheduler();
        // Quartz hands out one scheduler per name and JVM; nodes of one cluster share the name, and tests and the
        // demo run several in one JVM, so each node keeps its own instance rather than the registry's.
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        return scheduler;
    }

    /** Creates Quartz's tables unless they exist, under an advisory lock so nodes starting together do it once. */
    static void createTables(ConnectionProvider connections, QuartzCluster cluster) throws SchedulerException {
        try (var connection = connections.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                try (var rows = statement.executeQuery("select to_regclass('qrtz_locks') is not null")) {
                    rows.next();
                    if (!rows.getBoolean(1)) {
                        for (var ddl : ddl()) {
                            statement.execute(ddl);
                        }
                        LOG.info("created the Quartz tables in {}", cluster.jdbcUrl());
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new SchedulerException("the Quartz tables in " + cluster.jdbcUrl() + " could not be checked or"
                    + " created: " + e.getMessage(), e);
        }
    }

    /** The CREATE statements of the script that ships with Quartz, without its DROPs and COMMIT. */
    private static java.util.List<String> ddl() throws IOException {
        try (var in = QuartzSchedulers.class.getResourceAsStream(TABLES)) {
            if (in == null) {
                throw new IOException(TABLES + " is not on the class path");
            }
            var script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b);
            return java.util.Arrays.stream(script.split(";"))
                    .map(String::strip)
                    .filter(s -> s.regionMatches(true, 0, "CREATE", 0, 6))
                    .toList();
        }
    }
}
