package io.duecall.adapter.postgres;

import java.util.Objects;

/**
 * Where the ledger's PostgreSQL is: a JDBC URL ({@code jdbc:postgresql://host:port/database}, optionally
 * {@code ?currentSchema=...}), the user and its password (null for a database that trusts the node's address).
 */
public record LedgerDatabase(String jdbcUrl, String user, String password) {
    public LedgerDatabase {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("ledger.postgres.url: '" + jdbcUrl
                    + "' (expected jdbc:postgresql://host:port/database)");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("ledger.postgres.user: '" + user + "' (expected the database user)");
        }
        Objects.requireNonNull(jdbcUrl);
    }

    @Override
    public String toString() {
        return "LedgerDatabase[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
    }
}
