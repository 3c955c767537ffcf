package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.csv.ImportLimits;
import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryCampaignDefinitions;
import io.duecall.adapter.memory.InMemoryDispositionLog;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemoryScreenPops;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.quartz.QuartzDialCycle;
import io.duecall.app.AgentDesk;
import io.duecall.app.AgentPool;
import io.duecall.app.DialerEngine;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.engine.config.CampaignSettings;
import io.duecall.engine.config.EngineConfig;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.web.HealthProbe;
import io.duecall.web.OpsParts;
import io.duecall.web.Principal;
import io.duecall.web.http.OpsInitializer;
import io.duecall.web.http.OpsWebConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The campaign API end to end through an EmbeddedChannel: the engine's own validation, store and dialer behind it. */
class CampaignApiTest {
    private static final String OPS = "ops-token-0123456789";
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final String LATE_JSON = """
            {"id":"late","mode":"IVR_REMINDER","companyName":"Acme Lending","callbackNumber":"18005550100",
             "channelLimit":4,"opens":"10:00","closes":"20:00"}""";

    private final Clock clock = Clock.fixed(NOON_NEW_YORK, ZoneOffset.UTC);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    private final InMemoryCampaignDefinitions definitions = new InMemoryCampaignDefinitions();
    private final Pbx pbx = new Pbx();
    private final EngineConfig.Resolved config = configuration();
    private final AgentPool agents = new AgentPool(config.agents().seats(), config.agents().wrapUp(), new InMemoryAgentRoster(), "");
    private final InMemorySuppressionStore suppression = new InMemorySuppressionStore();
    private final DialerEngine dialer = DialerEngine.builder(clock, d -> {}).accounts(accounts).ledger(ledger)
            .promises(promises).suppression(suppression).telephony(pbx).agents(agents)
            .campaigns(config.campaigns().list()).maxOriginatesPerTick(10).rules(config.campaigns().rules()).build();
    private final CampaignCatalog catalog = new CampaignCatalog(dialer, definitions, config.campaigns());
    private final QuartzDialCycle cycle = new QuartzDialCycle(id -> 0, Duration.ofHours(1), Set.of(), ZoneOffset.UTC);
    private final OpsInitializer pipeline = OpsInitializer.of(
            new OpsWebConfig("127.0.0.1", 0, 65536, Map.of(OPS, Principal.operations())),
            new OpsParts(clock, dialer, agents, new AgentDesk(clock, dialer.sessions(), promises, ledger, accounts, suppression,
                    new InMemoryDispositionLog(), dialer.eligibility(), new InMemoryScreenPops()), accounts, promises,
                    new QuartzCampaignControl(cycle, id -> catalog.runDates(id).endAt()),
                    OpsAdapters.imports(accounts, suppression, dialer.eligibility(), clock,
                            ImportLimits.defaults()), OpsAdapters.exports(ledger, promises),
                    new Healthy(), catalog,
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null,
                    new io.duecall.app.report.Reports(ledger, promises, agents.figures(), clock, clock.getZone()),
                    new io.duecall.app.PromiseBook(promises, accounts, ledger,
                            new io.duecall.adapter.memory.InMemoryPaymentStore(), clock)));

    @AfterEach
    void close() {
        cycle.close();
    }

    private static EngineConfig.Resolved configuration() {
        var desk = new CampaignSettings("desk", null, null, null, null, null, "Acme Lending",
                "18005550100", null, null, null, null, null, null, null, null, null, null);
        return new EngineConfig(null, null, null, null, null, null, List.of(desk), null, null, null, null)
                .validate(io.duecall.sipconfig.Secrets.fromSystem());
    }

    @Test
    void createdCampaignIsStoredAndDialedByTheRunningEngine() {
        var created = exchange("POST", "/api/campaigns", "application/json", LATE_JSON);
        importOne("late");

        int placed = dialer.tick(new CampaignId("late"));

        assertEquals(201, status(created), created);
        assertTrue(body(created).contains("\"channelLimit\":4"), created);
        assertTrue(definitions.all().containsKey(new CampaignId("late")));
        assertEquals(1, placed);
    }

    @Test
    void campaignCreatedFromYamlIsTheSameAsFromJson() {
        var yaml = """
                id: late
                companyName: Acme Lending
                callbackNumber: "18005550100"
                channelLimit: 4
                rules:
                  maxAttemptsPer7Days: 5
                """;

        var created = exchange("POST", "/api/campaigns", "application/yaml", yaml);

        assertEquals(201, status(created), created);
        assertEquals(5, dialer.eligibility().rules(new CampaignId("late")).limits().maxAttemptsPer7Days());
    }

    @Test
    void replacedCampaignTakesEffectAndIsStored() {
        exchange("POST", "/api/campaigns", "application/json", LATE_JSON);

        var replaced = exchange("PUT", "/api/campaigns/late", "application/json", LATE_JSON.replace("\"channelLimit\":4",
                "\"channelLimit\":9"));

        assertEquals(200, status(replaced), replaced);
        assertEquals(9, dialer.campaign(new CampaignId("late")).channelLimit());
        assertTrue(definitions.all().get(new CampaignId("late")).contains("\"channelLimit\":9"));
    }

    @Test
    void deletedCampaignLeavesTheEngineAndTheStore() {
        exchange("POST", "/api/campaigns", "application/json", LATE_JSON);

        var deleted = exchange("DELETE", "/api/campaigns/late", null, null);
        var after = exchange("GET", "/api/campaigns/late", null, null);

        assertEquals(200, status(deleted), deleted);
        assertEquals(404, status(after), after);
        assertEquals(Map.of(), definitions.all());
    }

    @Test
    void deletingACampaignWithACallInFlightIs409AndKeepsIt() {
        exchange("POST", "/api/campaigns", "application/json", LATE_JSON);
        importOne("late");
        dialer.tick(new CampaignId("late"));

        var refused = exchange("DELETE", "/api/campaigns/late", null, null);

        assertEquals(409, status(refused), refused);
        assertTrue(body(refused).contains("1 call(s) in flight"), refused);
        assertTrue(definitions.all().containsKey(new CampaignId("late")));
    }

    @Test
    void badYamlIs400NamingTheLine() {
        var response = exchange("POST", "/api/campaigns", "application/yaml", "id: late\ncompanyName: Acme\n  channelLimit: 4\n");

        assertEquals(400, status(response), response);
        assertTrue(body(response).contains("malformed YAML at line 3"), response);
    }

    @Test
    void unknownFieldIs400NamingIt() {
        var response = exchange("POST", "/api/campaigns", "application/json",
                LATE_JSON.replace("\"mode\"", "\"colour\":\"red\",\"mode\""));

        assertEquals(400, status(response), response);
        assertTrue(body(response).contains("unknown field 'colour'"), response);
        assertEquals(Map.of(), definitions.all());
    }

    @Test
    void invalidValuesAre422WithTheSameMessagesAsTheConfigurationFile() {
        var response = exchange("POST", "/api/campaigns", "application/json", LATE_JSON.replace("\"channelLimit\":4",
                "\"channelLimit\":0"));

        assertEquals(422, status(response), response);
        assertTrue(body(response).contains("campaign.channelLimit: 0 (expected > 0)"), response);
        assertEquals(Map.of(), definitions.all());
    }

    @Test
    void duplicateIdIs409() {
        exchange("POST", "/api/campaigns", "application/json", LATE_JSON);

        var again = exchange("POST", "/api/campaigns", "application/json", LATE_JSON);
        var configured = exchange("POST", "/api/campaigns", "application/json", LATE_JSON.replace("\"late\"", "\"desk\""));

        assertEquals(409, status(again), again);
        assertTrue(body(again).contains("campaign 'late' exists already"), again);
        assertEquals(409, status(configured), configured);
        assertTrue(body(configured).contains("comes from the configuration file"), configured);
    }

    @Test
    void storedCampaignsAreLoadedBesideTheConfiguredOnesWhichWin() {
        definitions.create(new CampaignId("late"), LATE_JSON);
        definitions.create(new CampaignId("desk"), LATE_JSON.replace("\"late\"", "\"desk\""));
        var restarted = DialerEngine.builder(clock, d -> {}).accounts(accounts).ledger(ledger).promises(promises)
                .suppression(suppression).telephony(pbx).agents(agents).campaigns(config.campaigns().list())
                .maxOriginatesPerTick(10).rules(config.campaigns().rules()).build();

        var skipped = new CampaignCatalog(restarted, definitions, config.campaigns()).loadStored();

        assertEquals(List.of("stored campaign desk is ignored: the configuration file defines desk"), skipped);
        assertEquals(4, restarted.campaign(new CampaignId("late")).channelLimit());
        assertEquals(30, restarted.campaign(new CampaignId("desk")).channelLimit());
    }

    @Test
    void schemaNamesEveryKeyWithItsTypeAndTheDefaultTheEngineApplies() {
        var response = exchange("GET", "/api/campaign-schema", null, null);

        assertEquals(200, status(response), response);
        var schema = body(response);
        assertTrue(schema.contains("{\"key\":\"id\",\"type\":\"string\",\"required\":true,\"default\":null}"), schema);
        assertTrue(schema.contains("{\"key\":\"channelLimit\",\"type\":\"integer\",\"required\":false,\"default\":30}"), schema);
        assertTrue(schema.contains("{\"key\":\"ringTimeout\",\"type\":\"duration\",\"required\":false,\"default\":\"PT25S\"}"), schema);
        assertTrue(schema.contains("{\"key\":\"rules.maxAttemptsPer7Days\",\"type\":\"integer\",\"required\":false,\"default\":7}"), schema);
        assertTrue(schema.contains("\"key\":\"rules.retryDelays\",\"type\":\"json\",\"required\":false,\"default\":"
                + "{\"ANSWERED\":\"PT4H\","), schema);
        assertTrue(schema.contains("\"key\":\"rules.contacts.unreachedAttempts\""), schema);
        assertTrue(schema.contains("{\"key\":\"startAt\",\"type\":\"instant\",\"required\":false,\"default\":null,"
                + "\"note\":\"none: dials from its start until stopped\"}"), schema);
        assertTrue(schema.contains("{\"key\":\"mode\",\"type\":\"enum\",\"required\":false,\"default\":\"IVR_REMINDER\","
                + "\"values\":[\"IVR_REMINDER\",\"AGENT\"]}"), schema);
        assertTrue(schema.contains("{\"key\":\"pacing.mode\",\"type\":\"enum\",\"required\":false,\"default\":null,"
                + "\"note\":\"progressive for AGENT campaigns, agentless for IVR_REMINDER campaigns\","
                + "\"values\":[\"progressive\",\"power\",\"predictive\",\"agentless\"]}"), schema);
        assertTrue(schema.contains("\"key\":\"pacing.maxOriginatesPerSecond\",\"type\":\"number\",\"required\":false,"
                + "\"default\":null,\"note\":\"power 10.0, predictive 10.0; no limit of its own otherwise\""), schema);
    }

    @Test
    void definitionOfAnApiCampaignIsTheStoredOneAndAFileCampaignIsReadOnly() {
        exchange("POST", "/api/campaigns", "application/json", LATE_JSON.replace("\"channelLimit\":4,",
                "\"channelLimit\":4,\"ringTimeout\":\"PT30S\","));

        var late = exchange("GET", "/api/campaigns/late/definition", null, null);
        var desk = exchange("GET", "/api/campaigns/desk/definition", null, null);
        var unknown = exchange("GET", "/api/campaigns/nope/definition", null, null);
        var wrongMethod = exchange("POST", "/api/campaign-schema", "application/json", "{}");

        assertEquals(200, status(late), late);
        assertTrue(body(late).startsWith("{\"campaign\":\"late\",\"source\":\"api\",\"editable\":true,"
                + "\"definition\":{\"id\":\"late\",\"mode\":\"IVR_REMINDER\","), late);
        assertTrue(body(late).contains("\"channelLimit\":4,\"ringTimeout\":\"PT30S\""), late);
        assertEquals("{\"campaign\":\"desk\",\"source\":\"file\",\"editable\":false,\"definition\":{\"id\":\"desk\","
                + "\"companyName\":\"Acme Lending\",\"callbackNumber\":\"18005550100\"}}", body(desk));
        assertEquals(404, status(unknown), unknown);
        assertEquals(405, status(wrongMethod), wrongMethod);
        assertTrue(wrongMethod.contains("Allow: GET, HEAD") || wrongMethod.contains("allow: GET, HEAD"), wrongMethod);
    }

    private void importOne(String campaign) {
        accounts.importAccounts(new CampaignId(campaign), new AccountCsvReader(null).read("test", new StringReader("""
                account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due
                A-77,Dana Example,mobile:+12125550100,America/New_York,125.50,USD,2026-02-20,41
                """)), NOON_NEW_YORK);
    }

    private String exchange(String method, String path, String contentType, String body) {
        var channel = new EmbeddedChannel(pipeline);
        var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        head.append("Authorization: Bearer ").append(OPS).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        channel.writeInbound(Unpooled.wrappedBuffer(head.toString().getBytes(StandardCharsets.US_ASCII), bytes));
        var out = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            out.append(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        channel.finishAndReleaseAll();
        return out.toString();
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private static final class Healthy implements HealthProbe {
        @Override
        public boolean amiConnected() {
            return true;
        }

        @Override
        public Duration redisPing() {
            return Duration.ofMillis(1);
        }
    }

    /** Accepts every originate and reports nothing, so calls stay in flight. */
    private static final class Pbx implements CallOriginator {
        final List<CallRequest> originated = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(Consumer<CallEvent> listener) {}

        @Override
        public void originate(CallRequest request) {
            originated.add(request);
        }

        @Override
        public void bridgeToAgent(String callId, String agentExtension) {}

        @Override
        public void hangup(String callId) {}

        @Override
        public void close() {}
    }
}
