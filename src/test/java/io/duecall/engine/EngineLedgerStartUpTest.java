package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.postgres.LedgerDatabase;
import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.engine.config.ConfigException;
import io.duecall.engine.config.LedgerSettings;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code ledger.postgres} the engine migrates the ledger's database before anything else: one it cannot reach
 * stops the start-up, naming the key, before a PBX is connected or a call placed.
 */
class EngineLedgerStartUpTest {
    private ProvisionedRedis redis;

    @BeforeEach
    void startRedis() {
        redis = TestRedis.provision();
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void startUpIsRefusedNamingTheKeyWhileTheLedgersPostgresCannotBeReached() {
        var config = DemoConfig.of("duecall-ledger-" + UUID.randomUUID()).withLedger(
                new LedgerSettings(new LedgerSettings.PostgresLedgerSettings("jdbc:postgresql://127.0.0.1:1/duecall",
                        "duecall", null), null, null),
                new LedgerDatabase("jdbc:postgresql://127.0.0.1:1/duecall?connectTimeout=1", "duecall", null));

        var error = assertThrows(ConfigException.class, () -> Engine.start(config, Clock.systemUTC(), d -> { }, redis,
                agiPort -> {
                    throw new AssertionError("a PBX was connected although the ledger's database is away");
                }));

        assertTrue(error.getMessage().startsWith("ledger.postgres: postgres: migrating the ledger's tables failed"),
                error.getMessage());
        assertTrue(error.getMessage().contains("the engine starts only once the ledger's database answers"),
                error.getMessage());
    }
}
