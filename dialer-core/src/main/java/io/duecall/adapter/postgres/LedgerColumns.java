package io.duecall.adapter.postgres;

import io.duecall.adapter.redis.AttemptCodec;
import io.duecall.domain.attempt.Attempt;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;

/**
 * The ledger table's columns, each the PostgreSQL twin of one field of the ledger line as {@link AttemptCodec} writes
 * it, so the table holds what the Redis stream holds and a line reads back the same. A new field of the line is one
 * migration adding its column plus one line here.
 */
final class LedgerColumns {
    /** How a column's value is written (cast from the field's text) and read back into the field's text. */
    enum Kind {
        TEXT("text"), TIMESTAMPTZ("timestamptz"), TIMESTAMP("timestamp"), DATE("date"), BOOLEAN("boolean"),
        INTEGER("integer"), BIGINT("bigint");

        final String sqlType;

        Kind(String sqlType) {
            this.sqlType = sqlType;
        }

        String read(ResultSet row, String column) throws SQLException {
            return switch (this) {
                case TEXT, INTEGER, BIGINT -> row.getString(column);
                case TIMESTAMPTZ -> {
                    var value = row.getObject(column, OffsetDateTime.class);
                    yield value == null ? null : value.toInstant().toString();
                }
                case TIMESTAMP -> {
                    var value = row.getObject(column, LocalDateTime.class);
                    yield value == null ? null : value.toString();
                }
                case DATE -> {
                    var value = row.getObject(column, LocalDate.class);
                    yield value == null ? null : value.toString();
                }
                case BOOLEAN -> {
                    var value = row.getBoolean(column);
                    yield row.wasNull() ? null : Boolean.toString(value);
                }
            };
        }
    }

    /** One column: its name, the line's field it holds, its type, and what it holds when the line omits the field. */
    record Column(String name, String field, Kind kind, String absent) {
        Column(String name, String field, Kind kind) {
            this(name, field, kind, null);
        }
    }

    static final List<Column> ALL = List.of(
            new Column("call_id", "callId", Kind.TEXT),
            new Column("campaign", "campaign", Kind.TEXT),
            new Column("account", "account", Kind.TEXT),
            new Column("number", "number", Kind.TEXT),
            new Column("zone", "zone", Kind.TEXT),
            new Column("debtor_local_time", "debtorLocalTime", Kind.TIMESTAMP),
            new Column("originated_at", "originatedAt", Kind.TIMESTAMPTZ),
            new Column("originate_accepted_at", "originateAcceptedAt", Kind.TIMESTAMPTZ),
            new Column("answered_at", "answeredAt", Kind.TIMESTAMPTZ),
            new Column("bridged_at", "bridgedAt", Kind.TIMESTAMPTZ),
            new Column("ended_at", "endedAt", Kind.TIMESTAMPTZ),
            new Column("outcome", "outcome", Kind.TEXT),
            new Column("disposition", "disposition", Kind.TEXT),
            new Column("agent", "agent", Kind.TEXT),
            new Column("abandoned", "abandoned", Kind.BOOLEAN),
            new Column("promise_amount_minor", "promiseAmountMinor", Kind.BIGINT),
            new Column("promise_currency", "promiseCurrency", Kind.TEXT),
            new Column("promise_date", "promiseDate", Kind.DATE),
            new Column("flow_version", "flowVersion", Kind.TEXT),
            new Column("location_call", "locationCall", Kind.BOOLEAN, "false"),
            new Column("right_party", "rightParty", Kind.BOOLEAN),
            new Column("disclosed", "disclosed", Kind.TEXT),
            new Column("time_zones", "timeZones", Kind.TEXT),
            new Column("rules_version", "rulesVersion", Kind.TEXT),
            new Column("counted_7d", "counted7d", Kind.INTEGER),
            new Column("connected_today", "connectedToday", Kind.INTEGER),
            new Column("unanswered_on_number_today", "unansweredOnNumberToday", Kind.INTEGER),
            new Column("test", "test", Kind.BOOLEAN, "false"));

    private LedgerColumns() {}

    /** Every column's name, comma-separated, in {@link #ALL}'s order. */
    static String names() {
        return String.join(", ", ALL.stream().map(Column::name).toList());
    }

    /**
     * The batch insert: one text array per column, unnested into rows and cast to the column's type; a line whose
     * call already has its row is skipped. Its update count is the number of new rows.
     */
    static String insertFromArrays() {
        var unnest = String.join(", ", ALL.stream().map(c -> "?::text[]").toList());
        var alias = String.join(", ", ALL.stream().map(c -> "c_" + c.name()).toList());
        var select = String.join(", ", ALL.stream().map(c -> "u.c_" + c.name() + "::" + c.kind().sqlType).toList());
        return "insert into attempts (" + names() + ") select " + select + " from unnest(" + unnest + ") as u("
                + alias + ") on conflict (call_id, originated_at) do nothing";
    }

    /** Each column's values for the lines, in {@link #ALL}'s order (a field the line lacks is null). */
    static String[][] columnsOf(List<Attempt> lines) {
        var values = new String[ALL.size()][lines.size()];
        for (int row = 0; row < lines.size(); row++) {
            var fields = AttemptCodec.encode(lines.get(row));
            for (int column = 0; column < ALL.size(); column++) {
                values[column][row] = fields.getOrDefault(ALL.get(column).field(), ALL.get(column).absent());
            }
        }
        return values;
    }

    /** The line a row holds, read back through {@link AttemptCodec}; the error names the row's call id. */
    static Attempt read(ResultSet row) throws SQLException {
        var fields = new HashMap<String, String>();
        for (var column : ALL) {
            var value = column.kind().read(row, column.name());
            if (value != null) {
                fields.put(column.field(), value);
            }
        }
        try {
            return AttemptCodec.decode("row", fields);
        } catch (IllegalStateException e) {
            var cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("postgres: attempts row of call " + fields.get("callId") + " is malformed: "
                    + cause.getMessage(), e);
        }
    }
}
