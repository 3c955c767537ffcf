package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.adapter.redis.RedisProvisioner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** The command line as an operator meets it: imports, exports and their errors. */
class MainTest {
    private static io.duecall.adapter.redis.ProvisionedRedis redis;
    private static JedisPooled jedis;
    private final String prefix = "duecall-cli-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @BeforeAll
    static void startRedis() {
        redis = RedisProvisioner.provision();
        jedis = new JedisPooled(redis.uri());
    }

    @AfterAll
    static void stopRedis() {
        jedis.close();
        redis.close();
    }

    @AfterEach
    void removeKeys() {
        KeyspaceCleaner.deleteAll(jedis, prefix);
    }

    @Test
    void importsAValidFileAndExportsTheEmptyLedger() throws IOException {
        var config = config();
        var csv = csv("a-1,Dana Diaz,mobile:+12125550123,America/New_York,125.50,USD,2026-11-01,22");

        int imported = run("import", "--config", config, "--campaign", "reminders", "--file", csv);
        int exported = run("export-ledger", "--config", config, "--out", dir.resolve("ledger.csv").toString());

        assertEquals(0, imported, text(err));
        assertTrue(text(out).contains("imported 1 accounts into reminders"), text(out));
        assertEquals(0, exported, text(err));
        assertEquals(1, Files.readAllLines(dir.resolve("ledger.csv")).size());
    }

    @Test
    void rejectedImportNamesTheLineAndLeavesRedisUnchanged() throws IOException {
        var config = config();
        run("import", "--config", config, "--campaign", "reminders",
                "--file", csv("a-1,Dana Diaz,mobile:+12125550123,,125.50,USD,2026-11-01,22"));
        var before = jedis.keys(prefix + "*");

        int status = run("import", "--config", config, "--campaign", "reminders", "--file", csv(
                "a-2,Sam Ito,mobile:+12125550124,,10.00,USD,2026-11-01,3",
                "a-3,Ola Berg,mobile:not-a-number,,10.00,USD,2026-11-01,3"));

        assertEquals(2, status);
        assertTrue(text(err).contains("line 3, phones"), text(err));
        assertEquals(before, jedis.keys(prefix + "*"));
    }

    @Test
    void explainsAnAccountRuleByRule() throws IOException {
        var config = config();
        run("import", "--config", config, "--campaign", "reminders",
                "--file", csv("a-1,Dana Diaz,mobile:+12125550123,America/New_York,125.50,USD,2026-11-01,22"));

        int status = run("explain", "--config", config, "--campaign", "reminders", "--account", "a-1");

        assertEquals(0, status, text(err));
        assertTrue(text(out).contains("account a-1 in campaign reminders"), text(out));
        assertTrue(text(out).contains("+12125550123"), text(out));
    }

    @Test
    void explainingAnUnknownAccountSaysSo() throws IOException {
        int status = run("explain", "--config", config(), "--campaign", "reminders", "--account", "nobody");

        assertEquals(2, status);
        assertTrue(text(err).contains("account 'nobody' is not stored"), text(err));
    }

    @Test
    void unknownOptionIsRefusedByName() {
        int status = run("demo", "--acounts", "10");

        assertEquals(2, status);
        assertTrue(text(err).contains("unknown option --acounts"), text(err));
    }

    @Test
    void unknownCommandPrintsUsage() {
        int status = run("dial-everyone");

        assertEquals(2, status);
        assertTrue(text(err).contains("unknown command 'dial-everyone'"), text(err));
        assertTrue(text(err).contains("usage: ./duecall"), text(err));
    }

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String config() throws IOException {
        URI uri = redis.uri();
        var file = dir.resolve("duecall.yaml");
        Files.writeString(file, """
                redis: { url: "%s", keyPrefix: "%s" }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """.formatted(uri, prefix));
        return file.toString();
    }

    private String csv(String... rows) throws IOException {
        var file = Files.createTempFile(dir, "accounts", ".csv");
        Files.writeString(file, "account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due\n"
                + String.join("\n", rows) + "\n");
        return file.toString();
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
