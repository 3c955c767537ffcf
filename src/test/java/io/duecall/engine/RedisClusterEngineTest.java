package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.devsupport.LocalRedisCluster;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.port.Claim;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.UnifiedJedis;

/** The engine and the command line on a Redis Cluster named in {@code redis.cluster}. */
@Timeout(60)
class RedisClusterEngineTest {
    private static final CampaignId REMINDERS = new CampaignId("reminders");
    private static LocalRedisCluster cluster;
    private static UnifiedJedis jedis;
    private final String prefix = "duecall-cluster-" + UUID.randomUUID();
    private PbxSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        LocalRedisCluster.missingBinaries().ifPresent(missing ->
                Assumptions.abort("a Redis Cluster test needs " + missing + " on PATH"));
        cluster = LocalRedisCluster.start(3);
        jedis = ProvisionedRedis.startedCluster(cluster.nodes()).connect();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            jedis.close();
            cluster.close();
        }
    }

    @AfterEach
    void cleanUp() {
        if (simulator != null) {
            simulator.close();
        }
        KeyspaceCleaner.deleteAll(jedis, prefix);
    }

    @Test
    void importCommandStoresTheAccountsOnTheClusterTheConfigurationNames() throws IOException {
        var nodes = cluster.nodes().stream().map(node -> "\"" + node + "\"").collect(Collectors.joining(", "));
        var config = dir.resolve("duecall.yaml");
        Files.writeString(config, """
                redis: { cluster: [%s], keyPrefix: "%s" }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """.formatted(nodes, prefix));
        var csv = dir.resolve("accounts.csv");
        Files.writeString(csv, """
                account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due
                a-1,Dana Diaz,mobile:+12125550123,America/New_York,125.50,USD,2026-11-01,22
                a-2,Eli Ng,mobile:+12125550124,America/New_York,80.00,USD,2026-11-01,12
                """);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int status = Main.run(List.of("import", "--config", config.toString(), "--campaign", "reminders", "--file",
                csv.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        var store = new RedisAccountStore(jedis, new RedisKeys(prefix));
        assertEquals(2, store.queued(REMINDERS));
        assertEquals("Eli Ng", store.find(new AccountId("a-2")).orElseThrow().debtorName());
    }

    @Test
    void engineStartedOnAClusterUsesAClusterClientForEveryStore() throws Exception {
        var config = DemoConfig.of(prefix);
        try (var engine = Engine.start(config, Clock.systemUTC(), d -> { }, ProvisionedRedis.startedCluster(cluster.nodes()), this::pbx)) {
            // Thirty accounts hash to slots on every master: a client of one node would be sent elsewhere (MOVED).
            var accounts = IntStream.range(0, 30).mapToObj(i -> new Account(new AccountId("a-" + i), "Dana Diaz",
                    List.of(new Phone(new E164("+12125550123"), PhoneType.MOBILE)), Optional.of(ZoneId.of("America/New_York")),
                    new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 11, 1), 22)).toList();
            engine.accounts().importAccounts(REMINDERS, accounts, Clock.systemUTC().instant());

            var claims = engine.accounts().claim(REMINDERS, 50, Clock.systemUTC().instant().plusSeconds(1),
                    Duration.ofMinutes(1));

            assertEquals(30, claims.size());
            assertEquals(Set.copyOf(accounts), claims.stream().map(Claim::account).collect(Collectors.toSet()));
            assertTrue(engine.accounts().finish(claims.getFirst()));
            assertEquals(29, engine.accounts().leased(REMINDERS));
        }
        try (var client = ProvisionedRedis.startedCluster(cluster.nodes()).connect()) {
            assertInstanceOf(JedisCluster.class, client);
        }
    }

    private AmiConfig pbx(int agiPort) {
        var agi = URI.create("agi://127.0.0.1:" + agiPort + "/reminder");
        var sim = new SimulatorConfig("127.0.0.1", 0, "dialer", "secret", Map.of("dialer-out", agi),
                Set.of("dialer-out"), "dialer-agents", List.of("101"), Population.defaults(), 1.0, 1L);
        simulator = PbxSimulator.start(sim);
        return DemoConfig.of(prefix).ami().withEndpoint("127.0.0.1", simulator.amiPort()).withCredentials("dialer", "secret");
    }
}
