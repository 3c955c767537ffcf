package io.duecall.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.postgres.LedgerDatabase;
import io.duecall.sipconfig.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ledger:}: Redis alone by default, PostgreSQL when configured, and the retention windows each needs. */
class LedgerSettingsTest {
    private static final String CAMPAIGNS = """
            campaigns:
              - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
            """;

    @TempDir
    Path dir;

    @Test
    void withoutPostgresTheLedgerIsInRedisAloneForThirtyOneDays() throws IOException {
        var resolved = load(CAMPAIGNS).validate(new Secrets(Map.<String, String>of()::get));

        assertNull(resolved.ledgerDatabase());
        assertEquals(Duration.ofDays(31), resolved.ledger().redisRetention());
        assertEquals(Duration.ofDays(1096), resolved.ledger().retention());
    }

    @Test
    void withPostgresRedisKeepsTwoDaysAndThePasswordIsASecretReference() throws IOException {
        var resolved = load("""
                ledger:
                  postgres: { url: "jdbc:postgresql://db:5432/duecall", user: duecall, password: "env:LEDGER_DB_PASSWORD" }
                """ + CAMPAIGNS).validate(new Secrets(Map.of("LEDGER_DB_PASSWORD", "s3cret")::get));

        assertEquals(new LedgerDatabase("jdbc:postgresql://db:5432/duecall", "duecall", "s3cret"), resolved.ledgerDatabase());
        assertEquals(Duration.ofDays(2), resolved.ledger().redisRetention());
    }

    @Test
    void everyProblemIsNamedByItsKey() throws IOException {
        var e = assertThrows(ConfigException.class, () -> load("""
                ledger:
                  redisRetention: P2D
                  retention: P7D
                """ + CAMPAIGNS).validate(new Secrets(Map.<String, String>of()::get)));
        assertTrue(e.getMessage().contains("ledger.redisRetention was 'PT48H' but without ledger.postgres it must be at"
                + " least PT744H"), e.getMessage());
        assertTrue(e.getMessage().contains("ledger.retention was 'PT168H' but it must be at least P31D"), e.getMessage());

        var bad = assertThrows(ConfigException.class, () -> load("""
                ledger:
                  postgres: { url: "postgres://db/duecall?password=x" }
                """ + CAMPAIGNS).validate(new Secrets(Map.<String, String>of()::get)));
        assertTrue(bad.getMessage().contains("ledger.postgres.url holds a password"), bad.getMessage());

        var noUser = assertThrows(ConfigException.class, () -> load("""
                ledger:
                  postgres: { url: "postgres://db/duecall" }
                """ + CAMPAIGNS).validate(new Secrets(Map.<String, String>of()::get)));
        assertTrue(noUser.getMessage().contains("ledger.postgres.url: 'postgres://db/duecall' (expected"
                + " jdbc:postgresql://host:port/database)"), noUser.getMessage());
    }

    private EngineConfig load(String yaml) throws IOException {
        var file = dir.resolve("duecall.yaml");
        Files.writeString(file, yaml);
        return EngineConfig.load(file);
    }
}
