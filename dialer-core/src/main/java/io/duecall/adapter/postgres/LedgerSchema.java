package io.duecall.adapter.postgres;

import io.duecall.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The ledger's tables: Flyway applies the migrations in {@code db/migration} (versioned with the code), and the
 * monthly partitions of {@code attempts} are created here, one {@code attempts_yYYYYmMM} per UTC month, ahead of the
 * lines that need them. Creating a partition takes a transaction-scoped advisory lock, so two nodes creating the same
 * month never collide.
 */
public final class LedgerSchema {
    /** Months created ahead of the current one, so a month's first lines never wait for its partition. */
    public static final int MONTHS_AHEAD = 2;
    private static final long PARTITION_LOCK = 0x6475_6563_616c_6cL;
    private static final Pattern PARTITION = Pattern.compile("attempts_y(\\d{4})m(\\d{2})");

    private LedgerSchema() {}

    /** Applies the migrations not yet applied; returns how many were. */
    public static int migrate(DataSource dataSource) {
        try {
            return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .load().migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreUnavailableException("postgres: migrating the ledger's tables failed: " + e.getMessage(), e);
        }
    }

    static String partitionName(YearMonth month) {
        return "attempts_y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
    }

    static YearMonth monthOf(String partition) {
        var m = PARTITION.matcher(partition);
        return m.matches() ? YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }

    /** Creates the partitions of the months from {@code first} through {@code last} that do not exist yet. */
    static void createPartitions(Connection connection, YearMonth first, YearMonth last) throws SQLException {
        var autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + PARTITION_LOCK + ")");
            for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                var from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
                var to = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
                statement.execute("create table if not exists " + partitionName(month) + " partition of attempts"
                        + " for values from ('" + from + "') to ('" + to + "')");
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The months that have a partition, oldest first. */
    static List<YearMonth> months(Connection connection) throws SQLException {
        var months = new ArrayList<YearMonth>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select c.relname from pg_inherits i"
                        + " join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent"
                        + " where p.relname = 'attempts' and p.relnamespace = to_regnamespace(current_schema())::oid")) {
            while (rows.next()) {
                var month = monthOf(rows.getString(1));
                if (month != null) {
                    months.add(month);
                }
            }
        }
        months.sort(null);
        return months;
    }

    /** Detaches and drops one month's partition. */
    static void dropPartition(Connection connection, YearMonth month) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("drop table if exists " + partitionName(month));
        }
    }
}
