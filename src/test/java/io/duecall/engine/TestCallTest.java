package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.engine.config.AgiSettings;
import io.duecall.engine.config.EngineConfig;
import io.duecall.pbxsim.Outcome;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ./duecall test-call end to end: the real engine and flow against the PBX simulator and a real Redis. */
class TestCallTest {
    private static final CampaignId REMINDERS = new CampaignId("reminders");
    private static final E164 OWN_PHONE = new E164("+14155550100");
    private static final E164 SILENT_PHONE = new E164("+14155550101");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private final String prefix = "duecall-testcall-" + UUID.randomUUID().toString().substring(0, 8);
    private ProvisionedRedis redis;
    private PbxSimulator pbx;
    private EngineConfig.Resolved config;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        redis = TestRedis.provision();
        int agiPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            agiPort = socket.getLocalPort();
        }
        // Answers, confirms being the debtor, takes the full amount and confirms the promise.
        var population = Population.defaults().withFixed(OWN_PHONE.value(), Outcome.ANSWERED, "1 1 1")
                .withFixed(SILENT_PHONE.value(), Outcome.NO_ANSWER, "");
        pbx = PbxSimulator.start(new SimulatorConfig("127.0.0.1", 0, "dialer", "secret",
                Map.of("dialer-out", URI.create("agi://127.0.0.1:" + agiPort + "/reminder")), Set.of("dialer-out"),
                "dialer-agents", List.of("101"), population, 0.05, 1L));
        var demo = DemoConfig.of(prefix);
        var ami = demo.ami().withEndpoint("127.0.0.1", pbx.amiPort()).withCredentials("dialer", "secret");
        config = new EngineConfig.Resolved(new io.duecall.engine.config.RedisSettings(redis.uri().toString(), prefix).withDefaults(),
                List.of(AmiPbx.single(EngineConfig.SINGLE_PBX, ami)),
                new AgiSettings("127.0.0.1", agiPort, Duration.ofSeconds(10)).withDefaults(), demo.scheduler(),
                demo.clustered(), demo.agents(), demo.campaigns(), demo.promises(), demo.http(), demo.imports());
    }

    @AfterEach
    void stop() {
        if (pbx != null) {
            pbx.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** The wall clock moved to {@code time} of today in Los Angeles, where the test numbers are. */
    private static Clock at(LocalTime time) {
        var system = Clock.systemUTC();
        var target = ZonedDateTime.now(system).withZoneSameInstant(LOS_ANGELES).with(time).toInstant();
        return Clock.offset(system, Duration.between(system.instant(), target));
    }

    private int testCall(E164 number, AccountId asAccount, boolean ignoreWindow, Clock clock) throws Exception {
        return TestCallCommand.call(config, REMINDERS, number, asAccount, ignoreWindow, clock,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private List<Attempt> ledger() {
        try (var jedis = redis.connect(1)) {
            return new RedisAttemptLedger(jedis, new RedisKeys(prefix)).readAll();
        }
    }

    @Test
    void ringsTheNumberRunsTheFlowPrintsItsStepsAndWritesALineMarkedTest() throws Exception {
        var exit = testCall(OWN_PHONE, null, false, at(LocalTime.NOON));

        assertEquals(0, exit, output());
        var out = output();
        for (var step : List.of("dialing", "answered; flow reminder:4", "step verify",
                "the caller confirmed being the debtor", "says something about the debt", "promise of 100.00 USD by",
                "flow ended: PROMISE_TO_PAY", "ended: ANSWERED, PROMISE_TO_PAY")) {
            assertTrue(out.contains(step), "missing '" + step + "' in:\n" + out);
        }
        var lines = ledger();
        assertEquals(1, lines.size(), lines.toString());
        var line = lines.getFirst();
        assertTrue(line.test(), line.toString());
        assertTrue(line.account().value().startsWith("test-"), line.toString());
        assertEquals(OWN_PHONE, line.number());
        try (var jedis = redis.connect(1)) {
            assertEquals(List.of(), new RedisPromiseStore(jedis, new RedisKeys(prefix)).all(),
                    "a test call's promise is kept in the test key space only");
            assertEquals(1, new RedisPromiseStore(jedis, new RedisKeys(TestCallWiring.keyPrefix(prefix))).all().size());
        }
    }

    @Test
    void asAnAccountReadsItsDataButLeavesTheAccountItsHistoryAndItsQueueAlone() throws Exception {
        var debtor = new Account(new AccountId("A-1"), "Maria Lopez", List.of(new Phone(new E164("+14155550177"),
                PhoneType.MOBILE)), Optional.of(LOS_ANGELES), new Money(25_050, Currency.getInstance("USD")),
                LocalDate.of(2026, 11, 20), 16);
        try (var jedis = redis.connect(1)) {
            new RedisAccountStore(jedis, new RedisKeys(prefix)).importAccounts(REMINDERS, List.of(debtor),
                    Clock.systemUTC().instant());
        }

        var exit = testCall(OWN_PHONE, new AccountId("A-1"), false, at(LocalTime.NOON));

        assertEquals(0, exit, output());
        assertTrue(output().contains("promise of 250.50 USD by"), output());
        var line = ledger().getFirst();
        assertTrue(line.account().value().startsWith("test-") && line.account().value().endsWith("-A-1"),
                line.toString());
        try (var jedis = redis.connect(1)) {
            var store = new RedisAccountStore(jedis, new RedisKeys(prefix));
            assertEquals(Optional.of(debtor), store.find(new AccountId("A-1")));
            assertEquals(1, store.queued(REMINDERS));
            assertEquals(0, store.leased(REMINDERS));
            assertEquals(List.of(), new RedisAttemptLedger(jedis, new RedisKeys(prefix))
                    .history(new AccountId("A-1"), Clock.systemUTC().instant().minus(Duration.ofDays(30))));
        }
    }

    @Test
    void outsideTheWindowItIsNotDialedUnlessTheCampaignsWindowIsIgnored() throws Exception {
        var early = at(LocalTime.of(8, 30));

        var refused = testCall(OWN_PHONE, null, false, early);

        assertEquals(TestCallCommand.NOT_DIALED, refused, output());
        assertTrue(output().contains("not dialed: OUTSIDE_WINDOW"), output());
        assertEquals(List.of(), ledger());

        var ignored = testCall(SILENT_PHONE, null, true, early);

        assertEquals(TestCallCommand.NOT_ANSWERED, ignored, output());
        assertTrue(output().contains("NO_ANSWER NOT_CONNECTED; ledger line"), output());
        assertEquals(1, ledger().size());
    }
}
