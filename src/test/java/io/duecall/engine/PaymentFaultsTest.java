package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPaymentStore;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseToPay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * Issue 15's payment faults, through the commands an operator runs against a real Redis: a feed that would overflow
 * and a feed with one bad entry record nothing for any account, and the daily sweep still runs afterwards, settling
 * every promise it can and reporting the one it cannot.
 */
class PaymentFaultsTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static ProvisionedRedis redis;
    private static JedisPooled jedis;
    private final String prefix = "duecall-payment-faults-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String config;

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

    @BeforeEach
    void threeDebtorsEachWithAPromiseDueYesterday() throws IOException {
        config = dir.resolve("duecall.yaml").toString();
        Files.writeString(Path.of(config), """
                redis: { url: "%s", keyPrefix: "%s" }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """.formatted(redis.uri(), prefix));
        var accounts = dir.resolve("accounts.csv");
        Files.writeString(accounts, """
                account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due
                a-1,Dana Diaz,mobile:+12125550123,America/New_York,125.50,USD,2026-11-01,22
                a-2,Sam Ito,mobile:+12125550124,America/New_York,125.50,USD,2026-11-01,22
                a-3,Ola Berg,mobile:+12125550125,America/New_York,125.50,USD,2026-11-01,22
                """);
        assertEquals(0, run("import", "--config", config, "--campaign", "reminders", "--file", accounts.toString()), text(err));
        var yesterday = Instant.now().minusSeconds(86_400 * 3);
        for (var account : List.of("a-1", "a-2", "a-3")) {
            promises().record(new PromiseToPay("c-" + account, new AccountId(account), new CampaignId("reminders"),
                    new Money(5_000, USD), LocalDate.ofInstant(yesterday, java.time.ZoneOffset.UTC), yesterday));
        }
    }

    @AfterEach
    void removeKeys() {
        KeyspaceCleaner.deleteAll(jedis, prefix);
    }

    @Test
    void overflowingFeedRecordsNothingAndTheSweepStillRuns() throws IOException {
        var feed = payments("a-3,10.00,USD,2026-11-24T20:00:00Z,bank-1",
                "a-1,92233720368547758.07,USD,2026-11-24T20:00:00Z,bank-2",
                "a-1,92233720368547758.07,USD,2026-11-24T20:01:00Z,bank-3");

        int status = run("payments", "--config", config, "--file", feed);
        int swept = run("promises-sweep", "--config", config);

        assertEquals(2, status, text(out));
        assertTrue(text(err).contains("line 3, amount: amount: '92233720368547758.07' (expected at most 99999999999.99 USD"),
                text(err));
        assertTrue(text(err).contains("line 4, amount"), text(err));
        assertEquals(0, swept, text(err));
        assertTrue(text(out).contains("promises settled 3: kept 0, broken 3"), text(out));
        assertEquals(List.of(), paymentKeys(), "no payment of the feed was recorded");
    }

    @Test
    void feedWithOneBadEntryRecordsNothingForAnyAccountAndTheSweepStillRuns() throws IOException {
        var feed = payments("a-3,50.00,USD,2026-11-24T20:00:00Z,bank-1", "a-9,10.00,USD,2026-11-24T20:00:00Z,bank-2",
                "a-2,10.00,USD,+1000000000-01-01T00:00:00Z,bank-3");

        int status = run("payments", "--config", config, "--file", feed);
        int swept = run("promises-sweep", "--config", config);

        assertEquals(2, status, text(out));
        assertTrue(text(err).contains("line 3, account_id: 'a-9' is not a stored account"), text(err));
        assertTrue(text(err).contains("line 4, paid_at: '+1000000000-01-01T00:00:00Z'"), text(err));
        assertEquals(List.of(), paymentKeys(), "nothing was recorded");
        assertEquals(0, swept, text(err));
        assertTrue(text(out).contains("promises settled 3: kept 0, broken 3"), text(out));
    }

    // Issue 15: stored payments that overflowed the settlement stopped the sweep for every account, every day.
    @Test
    void sweepSettlesEveryPromiseItCanAndReportsTheOneItCannot() {
        var huge = new Money(Long.MAX_VALUE, USD);
        var payments = new RedisPaymentStore(jedis, new RedisKeys(prefix));
        var paidAt = Instant.now().minusSeconds(86_400 * 3).plusSeconds(60);
        payments.record(new Payment(new AccountId("a-2"), huge, paidAt, "legacy-1"));
        payments.record(new Payment(new AccountId("a-2"), huge, paidAt, "legacy-2"));
        payments.record(new Payment(new AccountId("a-1"), new Money(100, USD), paidAt, "damaged-1"));
        jedis.hset(new RedisKeys(prefix).payment("damaged-1"), "amountMinor", "not-a-number");

        int status = run("promises-sweep", "--config", config);

        assertEquals(1, status, text(err));
        assertTrue(text(out).contains("promises settled 2: kept 1, broken 1"), text(out));
        assertTrue(text(out).contains("promises skipped 1 (could not be settled; the others were):"), text(out));
        assertTrue(text(out).contains("c-a-1: redis: payment hash"), text(out));
        assertEquals(PromiseState.KEPT, promises().status("c-a-2").orElseThrow().state());
        assertEquals(PromiseState.BROKEN, promises().status("c-a-3").orElseThrow().state());
        assertEquals(PromiseState.OPEN, promises().status("c-a-1").orElseThrow().state());
    }

    private RedisPromiseStore promises() {
        return new RedisPromiseStore(jedis, new RedisKeys(prefix));
    }

    private List<String> paymentKeys() {
        return List.copyOf(jedis.keys(prefix + ":{payments}*"));
    }

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
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
