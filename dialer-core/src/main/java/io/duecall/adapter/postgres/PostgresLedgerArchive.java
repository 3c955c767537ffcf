package io.duecall.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.port.LedgerArchive;
import io.duecall.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * {@link LedgerArchive} in PostgreSQL's month-partitioned {@code attempts} table. A batch is one INSERT of unnested
 * column arrays, {@code ON CONFLICT DO NOTHING}, in one transaction: all of it is stored or none. Before a batch the
 * partitions of its months (and of the months ahead) are created if missing. Ranges are read with a cursor
 * ({@link #FETCH} rows at a time), never whole into memory. Every SQL failure is a {@link StoreUnavailableException}.
 */
public final class PostgresLedgerArchive implements LedgerArchive, AutoCloseable {
    static final int FETCH = 1_000;
    /** A line can be written later than its call ended, never a day later (the same bound the Redis ledger reads by). */
    private static final Duration APPEND_DELAY_LIMIT = Duration.ofDays(1);
    private static final String INSERT = LedgerColumns.insertFromArrays();
    private static final String SELECT = "select " + LedgerColumns.names() + " from attempts";

    private final DataSource dataSource;
    private final AutoCloseable owned;
    private final Clock clock;
    private final Set<YearMonth> partitioned = ConcurrentHashMap.newKeySet();

    /** Over a pool of the archive's own to {@code database}, closed with it. */
    public static PostgresLedgerArchive open(LedgerDatabase database, Clock clock) {
        var config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        if (database.password() != null) {
            config.setPassword(database.password());
        }
        config.setPoolName("ledger-postgres");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        // Fail fast while PostgreSQL is away (the lines wait in Redis); start even when it is not there yet.
        config.setConnectionTimeout(3_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("ApplicationName", "duecall-ledger");
        var pool = new HikariDataSource(config);
        return new PostgresLedgerArchive(pool, pool, clock);
    }

    public PostgresLedgerArchive(DataSource dataSource, Clock clock) {
        this(dataSource, null, clock);
    }

    private PostgresLedgerArchive(DataSource dataSource, AutoCloseable owned, Clock clock) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.clock = clock;
    }

    /** Applies the migrations and creates the partitions from this month through {@link LedgerSchema#MONTHS_AHEAD}. */
    public int migrate() {
        var applied = LedgerSchema.migrate(dataSource);
        var now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        run("create the ledger's partitions", connection -> {
            LedgerSchema.createPartitions(connection, now, now.plusMonths(LedgerSchema.MONTHS_AHEAD));
            return null;
        });
        partitioned.clear();
        return applied;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public int store(List<Attempt> lines) {
        if (lines.isEmpty()) {
            return 0;
        }
        return run("store " + lines.size() + " ledger lines", connection -> {
            ensurePartitions(connection, lines);
            var columns = LedgerColumns.columnsOf(lines);
            try (var insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < columns.length; i++) {
                    insert.setArray(i + 1, connection.createArrayOf("text", columns[i]));
                }
                return insert.executeUpdate();
            }
        });
    }

    private void ensurePartitions(Connection connection, List<Attempt> lines) throws SQLException {
        var months = new HashSet<YearMonth>();
        for (var line : lines) {
            months.add(YearMonth.from(line.originatedAt().atZone(ZoneOffset.UTC)));
        }
        months.add(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)));
        months.removeAll(partitioned);
        if (months.isEmpty()) {
            return;
        }
        var first = months.stream().min(YearMonth::compareTo).orElseThrow();
        var last = months.stream().max(YearMonth::compareTo).orElseThrow();
        var ahead = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).plusMonths(LedgerSchema.MONTHS_AHEAD);
        if (ahead.isAfter(last)) {
            last = ahead;
        }
        LedgerSchema.createPartitions(connection, first, last);
        for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            partitioned.add(month);
        }
    }

    @Override
    public void forEach(Instant from, Instant to, Consumer<Attempt> sink) {
        run("read the ledger from " + from + " to " + to, connection -> {
            // A cursor needs a transaction: rows come FETCH at a time, not the whole range at once.
            connection.setAutoCommit(false);
            try (var query = connection.prepareStatement(SELECT
                    + " where originated_at >= ? and originated_at < ? order by originated_at, call_id")) {
                query.setFetchSize(FETCH);
                query.setTimestamp(1, Timestamp.from(from));
                query.setTimestamp(2, Timestamp.from(to));
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(LedgerColumns.read(rows));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return null;
        });
    }

    @Override
    public List<Attempt> endedSince(Instant since) {
        var lines = new ArrayList<Attempt>();
        forEachEndedSince(since, lines::add);
        return lines;
    }

    @Override
    public void forEachEndedSince(Instant since, Consumer<Attempt> sink) {
        // Calls last far less than a day: the range by originate time prunes the partitions, the end time filters.
        run("read the lines ended since " + since, connection -> {
            try (var query = connection.prepareStatement(SELECT
                    + " where originated_at >= ? and ended_at >= ? order by ended_at, call_id")) {
                query.setFetchSize(FETCH);
                query.setTimestamp(1, Timestamp.from(since.minus(APPEND_DELAY_LIMIT)));
                query.setTimestamp(2, Timestamp.from(since));
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(LedgerColumns.read(rows));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<PastAttempt> history(AccountId account, Instant since) {
        return pastAttempts("read the history of " + account, SELECT
                + " where account = ? and originated_at >= ? order by originated_at, call_id", query -> {
                    query.setString(1, account.value());
                    query.setTimestamp(2, Timestamp.from(since));
                });
    }

    @Override
    public List<PastAttempt> latest(AccountId account, int max) {
        if (max <= 0) {
            return List.of();
        }
        var newestFirst = pastAttempts("read the latest attempts of " + account, SELECT
                + " where account = ? order by originated_at desc, call_id desc limit ?", query -> {
                    query.setString(1, account.value());
                    query.setInt(2, max);
                });
        return List.copyOf(newestFirst.reversed());
    }

    private interface Binder {
        void bind(java.sql.PreparedStatement query) throws SQLException;
    }

    private List<PastAttempt> pastAttempts(String what, String sql, Binder binder) {
        return run(what, connection -> {
            var attempts = new ArrayList<PastAttempt>();
            try (var query = connection.prepareStatement(sql)) {
                binder.bind(query);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        attempts.add(PastAttempt.of(LedgerColumns.read(rows)));
                    }
                }
            }
            return attempts;
        });
    }

    @Override
    public Map<E164, Integer> locationCalls(AccountId account) {
        return run("count the location calls of " + account, connection -> {
            var counts = new HashMap<E164, Integer>();
            try (var query = connection.prepareStatement(
                    "select number, count(*) from attempts where account = ? and location_call group by number")) {
                query.setString(1, account.value());
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.put(new E164(rows.getString(1)), rows.getInt(2));
                    }
                }
            }
            return Map.copyOf(counts);
        });
    }

    @Override
    public Set<String> stored(Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return Set.of();
        }
        return run("look up " + callIds.size() + " call ids", connection -> {
            var found = new HashSet<String>();
            try (var query = connection.prepareStatement("select call_id from attempts where call_id = any (?)")) {
                query.setArray(1, connection.createArrayOf("text", callIds.toArray(String[]::new)));
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public long count() {
        return run("count the ledger's lines", connection -> {
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("select count(*) from attempts")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public List<YearMonth> months() {
        return run("list the ledger's partitions", LedgerSchema::months);
    }

    @Override
    public List<YearMonth> dropBefore(YearMonth month) {
        return run("drop the ledger's months before " + month, connection -> {
            var dropped = new ArrayList<YearMonth>();
            for (var held : LedgerSchema.months(connection)) {
                if (held.isBefore(month)) {
                    LedgerSchema.dropPartition(connection, held);
                    partitioned.remove(held);
                    dropped.add(held);
                }
            }
            return dropped;
        });
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T run(String what, Work<T> work) {
        try (var connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("postgres: " + what + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("postgres: closing the ledger's pool failed: " + e.getMessage(), e);
            }
        }
    }
}
