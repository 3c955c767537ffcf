package io.duecall.web;

import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.csv.PaymentCsvReader;
import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPaymentStore;
import io.duecall.adapter.memory.InMemoryDispositionLog;
import io.duecall.adapter.memory.InMemoryScreenPops;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.quartz.QuartzDialCycle;
import io.duecall.app.AgentDesk;
import io.duecall.app.DialerEngine;
import io.duecall.app.ImportAccounts;
import io.duecall.app.RecordPayments;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentPool;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.CallEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small dialer on in-memory stores and a scripted PBX, with the operations server's parts around it, driven
 * through an EmbeddedChannel carrying raw HTTP.
 */
final class TestDesk implements AutoCloseable {
    static final String OPS = "ops-token-0123456789";
    static final String AGENT_101 = "agent-101-token-0123";
    static final String AGENT_102 = "agent-102-token-0123";
    static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    static final CampaignId DESK = new CampaignId("desk");

    final Clock clock = Clock.fixed(NOON_NEW_YORK, ZoneOffset.UTC);
    final InMemoryAccountStore accounts = new InMemoryAccountStore();
    final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    final InMemoryPaymentStore payments = new InMemoryPaymentStore();
    final FakePbx pbx = new FakePbx();
    final AgentPool agents = new AgentPool(List.of(new AgentSeat(new AgentId("101"), Set.of(DESK)),
            new AgentSeat(new AgentId("102"), Set.of(DESK))), Duration.ofSeconds(20));
    final DialerEngine dialer = new DialerEngine(clock, d -> {}, accounts, ledger, promises, pbx, agents,
            List.of(new Campaign(DESK, "Late-stage desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme Lending",
                    "18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3)), 10);
    final AgentDesk desk = new AgentDesk(clock, dialer, promises, ledger, accounts, new InMemorySuppressionStore(),
            new InMemoryDispositionLog(), dialer.eligibility(), new InMemoryScreenPops());
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final TelephonyMeters telephony = new TelephonyMeters(registry);
    final QuartzDialCycle cycle = new QuartzDialCycle(id -> 0, Duration.ofHours(1), Set.of(), ZoneOffset.UTC);
    final AtomicBoolean amiUp = new AtomicBoolean(true);
    final OpsWeb web;

    TestDesk(int maxBody) {
        dialer.onAgentCall(desk);
        var health = new HealthProbe() {
            @Override
            public boolean amiConnected() {
                return amiUp.get();
            }

            @Override
            public Duration redisPing() {
                return Duration.ofMillis(1);
            }
        };
        web = OpsWeb.assemble(new OpsWebConfig("127.0.0.1", 0, maxBody, Map.of(OPS, Principal.operations(),
                AGENT_101, Principal.agent(new AgentId("101")), AGENT_102, Principal.agent(new AgentId("102")))),
                new OpsParts(clock, dialer, agents, desk, accounts, ledger, promises,
                        new QuartzCampaignControl(cycle, id -> null),
                        region -> new ImportAccounts(new AccountCsvReader(region), accounts, clock), health,
                        CampaignEditor.UNSUPPORTED, registry, new RecordPayments(new PaymentCsvReader(), payments, promises,
                                accounts, List.of(DESK), clock)));
    }

    /** Sends one raw HTTP request through a fresh pipeline and returns the raw response. */
    String exchange(String method, String path, String token, String contentType, String body) {
        var channel = new EmbeddedChannel(new OpsInitializer(web));
        var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
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

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    /** Imports A-77, who owes 125.50 USD, into the desk's queue. */
    void importDebtor() {
        accounts.importAccounts(DESK, new AccountCsvReader(null).read("test", new java.io.StringReader("""
                account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due
                A-77,Dana Example,mobile:+12125550100,America/New_York,125.50,USD,2026-02-20,41
                """)), NOON_NEW_YORK);
    }

    /** Imports one account, logs agent 101 in, and bridges a call to them; returns the call id. */
    String bridgedCall() {
        importDebtor();
        agents.login(new AgentId("101"), NOON_NEW_YORK);
        dialer.tick(DESK);
        var callId = pbx.originated.getLast().callId();
        pbx.emit(new CallEvent.Answered(callId, NOON_NEW_YORK, "Local/x@debtors-1;1"));
        dialer.requestAgent(callId);
        pbx.emit(new CallEvent.Bridged(callId, NOON_NEW_YORK, "101"));
        return callId;
    }

    @Override
    public void close() {
        cycle.close();
    }
}
