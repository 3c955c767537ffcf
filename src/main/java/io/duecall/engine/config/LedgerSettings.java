package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.adapter.postgres.LedgerDatabase;
import io.duecall.domain.pacing.AbandonLedger;
import java.time.Duration;
import java.util.List;

/**
 * {@code ledger:}: where the attempt ledger is kept and for how long. {@code postgres} set: PostgreSQL is the ledger's
 * system of record (every node ships the lines it finds in Redis there) and Redis keeps {@code redisRetention} of
 * recent lines; PostgreSQL drops the months older than {@code retention}. {@code postgres} absent: Redis alone, which
 * keeps {@code redisRetention} of lines and nothing older.
 */
public record LedgerSettings(PostgresLedgerSettings postgres, Duration redisRetention, Duration retention) {
    /** Two days in Redis beside PostgreSQL: a day's lines and room for a day-long PostgreSQL outage. */
    static final Duration REDIS_RETENTION_WITH_POSTGRES = Duration.ofDays(2);
    /**
     * Without PostgreSQL, Redis must hold what a restart reads back: the abandon rate's 30-day window and the
     * day a line may be written after its call ended.
     */
    static final Duration REDIS_ONLY_MINIMUM = Duration.ofDays(AbandonLedger.WINDOW_DAYS + 1L);
    /** Three years: Regulation F (12 CFR 1006.100) asks for records of collection activity kept that long. */
    static final Duration RETENTION = Duration.ofDays(3 * 365 + 1);

    /**
     * {@code ledger.postgres:}: the JDBC URL, user and password (an {@code env:NAME} or {@code file:/path} reference;
     * none for a database that trusts the node's address).
     */
    public record PostgresLedgerSettings(String url, String user, String password) {
        @Override
        public String toString() {
            return "PostgresLedgerSettings[url=" + url + ", user=" + user + ", password=***]";
        }
    }

    public static LedgerSettings defaults() {
        return new LedgerSettings(null, null, RETENTION);
    }

    public LedgerSettings withDefaults() {
        var keep = redisRetention != null ? redisRetention
                : postgres != null ? REDIS_RETENTION_WITH_POSTGRES : REDIS_ONLY_MINIMUM;
        return new LedgerSettings(postgres, keep, or(retention, RETENTION));
    }

    /** Checks the keys and resolves the password; null when the ledger is kept in Redis only (or on an error). */
    LedgerDatabase resolve(SecretResolver secrets, List<String> errors) {
        if (redisRetention.isNegative() || redisRetention.isZero()) {
            errors.add("ledger.redisRetention was '" + redisRetention + "' but it must be > 0");
        } else if (postgres == null && redisRetention.compareTo(REDIS_ONLY_MINIMUM) < 0) {
            errors.add("ledger.redisRetention was '" + redisRetention + "' but without ledger.postgres it must be at least "
                    + REDIS_ONLY_MINIMUM + " (Redis is then the only ledger, and a restart reads the 30-day abandon rate"
                    + " back from it)");
        }
        if (retention.compareTo(Duration.ofDays(31)) < 0) {
            errors.add("ledger.retention was '" + retention + "' but it must be at least P31D (partitions are whole"
                    + " months, and the abandon rate reads 30 days back)");
        }
        if (postgres == null) {
            return null;
        }
        if (postgres.url() != null && postgres.url().toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            errors.add("ledger.postgres.url holds a password (expected it in ledger.postgres.password as a secret"
                    + " reference such as env:LEDGER_DB_PASSWORD or file:/run/secrets/ledger-db)");
            return null;
        }
        var password = secrets.resolve("ledger.postgres.password", postgres.password(), "LEDGER_DB_PASSWORD",
                "/run/secrets/ledger-db");
        if (postgres.password() != null && password == null) {
            return null;
        }
        try {
            return new LedgerDatabase(postgres.url(), postgres.user(), password);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }
}
