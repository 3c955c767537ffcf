package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
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

/** The command line as an operator meets it: imports, exports, payment feeds, reports and their errors. */
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
        redis = TestRedis.provision();
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
        // No call yet: the best slots are the prior's peaks, earliest first, inside the 09:00-21:00 window.
        assertTrue(text(out).contains("best time to call (bestTime is off"), text(out));
        assertTrue(text(out).contains("  weekday 10:00-11:00: right party 26.0%"), text(out));
        assertFalse(text(out).contains("21:00-22:00"), text(out));
    }

    @Test
    void explainingAnUnknownAccountSaysSo() throws IOException {
        int status = run("explain", "--config", config(), "--campaign", "reminders", "--account", "nobody");

        assertEquals(2, status);
        assertTrue(text(err).contains("account 'nobody' is not stored"), text(err));
    }

    @Test
    void paymentFeedKeepsAPromiseOnceAndTheReportShowsIt() throws IOException {
        var config = config();
        recordPromise("c-1", "a-1", 5_000);
        recordPromise("c-2", "a-2", 2_000);
        var feed = payments("a-1,50.00,USD,2026-11-24T20:00:00Z,bank-1", "a-2,5.00,USD,2026-11-24T21:00:00Z,bank-2");
        var reportFile = dir.resolve("promises.csv");

        int first = run("payments", "--config", config, "--file", feed);
        int second = run("payments", "--config", config, "--file", feed);
        int report = run("promises-report", "--config", config, "--out", reportFile.toString());

        assertEquals(0, first, text(err));
        assertEquals(0, second, text(err));
        assertEquals(0, report, text(err));
        assertTrue(text(out).contains("recorded 2 payments (0 already recorded); promises kept 1, partly kept 1"), text(out));
        assertTrue(text(out).contains("recorded 0 payments (2 already recorded); promises kept 0, partly kept 0"), text(out));
        assertEquals(List.of(
                "campaign,day,currency,made,amount_promised,open,partly_kept,kept,broken,cancelled,kept_rate,amount_paid",
                "reminders,2026-11-24,USD,2,70.00,0,1,1,0,0,1.0000,55.00"), Files.readAllLines(reportFile));
    }

    @Test
    void rejectedPaymentFeedNamesLineAndFieldAndRecordsNothing() throws IOException {
        var config = config();
        recordPromise("c-1", "a-1", 5_000);
        var before = jedis.keys(prefix + "*");

        int status = run("payments", "--config", config, "--file", payments(
                "a-1,50.00,USD,2026-11-24T20:00:00Z,bank-1", "a-1,50.00,USD,24/11/2026,bank-2"));

        assertEquals(2, status);
        assertTrue(text(err).contains("line 3, paid_at: '24/11/2026'"), text(err));
        assertEquals(before, jedis.keys(prefix + "*"));
    }

    @Test
    void sweepBreaksAnOverduePromise() throws IOException {
        var config = config();
        recordPromise("c-1", "a-1", 5_000, Instant.parse("2026-01-05T15:00:00Z"), LocalDate.of(2026, 1, 7));

        int status = run("promises-sweep", "--config", config);

        assertEquals(0, status, text(err));
        assertTrue(text(out).contains("promises settled 1: kept 0, broken 1"), text(out));
    }

    @Test
    void suppressedNumbersAreNeverDialedAndExplainSaysWhy() throws IOException {
        var config = config();
        run("import", "--config", config, "--campaign", "reminders",
                "--file", csv("a-1,Dana Diaz,mobile:+12125550123,America/New_York,125.50,USD,2026-11-01,22"));
        var list = dir.resolve("dnc.csv");
        Files.writeString(list, "number\n(212) 555-0123\n+12125550199\n");

        int first = run("suppress", "--config", config, "--file", list.toString(), "--region", "US");
        int again = run("suppress", "--config", config, "--file", list.toString(), "--reason", "dnc", "--region", "US");
        int explained = run("explain", "--config", config, "--campaign", "reminders", "--account", "a-1");

        assertEquals(0, first, text(err));
        assertEquals(0, again, text(err));
        assertEquals(0, explained, text(err));
        assertTrue(text(out).contains("listed 2 numbers as dnc (0 already listed)"), text(out));
        assertTrue(text(out).contains("listed 0 numbers as dnc (2 already listed)"), text(out));
        assertTrue(text(out).contains("next number: none may be called"), text(out));
        assertTrue(text(out).contains("DO_NOT_CALL"), text(out));
    }

    @Test
    void suppressRefusesAReasonThatIsNotAShortWord() throws IOException {
        var list = dir.resolve("dnc.csv");
        Files.writeString(list, "number\n+12125550123\n");

        int status = run("suppress", "--config", config(), "--file", list.toString(), "--reason", "Because!");

        assertEquals(2, status);
        assertTrue(text(err).contains("reason: 'Because!'"), text(err));
    }

    @Test
    void ledgerExportToAFullDiskFailsNamingTheFileAndChangesNothing() throws IOException {
        var full = Path.of("/dev/full"); // Linux's always-full device: every write fails with ENOSPC
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full on this machine");
        var config = config();
        run("import", "--config", config, "--campaign", "reminders",
                "--file", csv("a-1,Dana Diaz,mobile:+12125550123,America/New_York,125.50,USD,2026-11-01,22"));
        var before = jedis.keys(prefix + "*");

        int status = run("export-ledger", "--config", config, "--out", full.toString());

        assertEquals(1, status);
        assertTrue(text(err).contains("export-ledger: could not write /dev/full: No space left on device"), text(err));
        assertTrue(!text(err).contains("\tat "), "no stack trace for a full disk: " + text(err));
        assertEquals(before, jedis.keys(prefix + "*"));
    }

    @Test
    void unknownOptionIsRefusedByName() throws IOException {
        int status = run("import", "--config", config(), "--campaign", "reminders", "--file", csv(), "--regoin", "US");

        assertEquals(2, status);
        assertTrue(text(err).contains("import: Unknown options: '--regoin'"), text(err));
    }

    /** The application jar alone is what a deployment runs: the demos' commands say what they need instead. */
    @Test
    void theDemosCommandsNameTheModuleTheyNeed() {
        for (var command : List.of("demo", "cluster-demo", "simulate")) {
            err.reset();

            int status = run(command, "--seed", "7");

            assertEquals(2, status, command);
            assertTrue(text(err).contains("command '" + command + "' needs the demo module on the class path"), text(err));
        }
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

    /**
     * A promise made on 2026-11-24 by a debtor imported into the reminders campaign, as the engine records it, due
     * far in the future so that the wall clock the commands read never finds it overdue.
     */
    private void recordPromise(String callId, String account, long minor) throws IOException {
        recordPromise(callId, account, minor, Instant.parse("2026-11-24T15:00:00Z"), LocalDate.of(2099, 12, 31));
    }

    private void recordPromise(String callId, String account, long minor, Instant promisedAt, LocalDate payBy)
            throws IOException {
        var config = config();
        run("import", "--config", config, "--campaign", "reminders",
                "--file", csv(account + ",Dana Diaz,mobile:+12125550123,America/New_York,125.50,USD,2026-11-01,22"));
        new RedisPromiseStore(jedis, new RedisKeys(prefix)).record(new PromiseToPay(callId, new AccountId(account),
                new CampaignId("reminders"), new Money(minor, Currency.getInstance("USD")), payBy,
                promisedAt));
    }

    private String payments(String... rows) throws IOException {
        var file = Files.createTempFile(dir, "payments", ".csv");
        Files.writeString(file, "account_id,amount,currency,paid_at,reference\n" + String.join("\n", rows) + "\n");
        return file.toString();
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
