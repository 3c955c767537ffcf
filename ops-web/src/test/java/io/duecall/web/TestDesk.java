package io.duecall.web;

import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.csv.AttemptCsvWriter;
import io.duecall.adapter.csv.NumberListCsvReader;
import io.duecall.adapter.csv.PaymentCsvReader;
import io.duecall.adapter.csv.PromiseCsvWriter;
import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryDispositionLog;
import io.duecall.adapter.memory.InMemoryPaymentStore;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemoryScreenPops;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.app.AgentDesk;
import io.duecall.app.AgentPool;
import io.duecall.app.DialerEngine;
import io.duecall.app.ImportAccounts;
import io.duecall.app.ListDoNotCall;
import io.duecall.app.PromiseBook;
import io.duecall.app.RecordPayments;
import io.duecall.app.report.Reports;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.CallEvent;
import io.duecall.web.http.OpsInitializer;
import io.duecall.web.http.OpsServer;
import io.duecall.web.http.OpsWeb;
import io.duecall.web.http.OpsWebConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    final Clock clock = Clock.fixed(NOON_NEW_YORK, ZoneOffset.UTC);
    final InMemoryAccountStore accounts = new InMemoryAccountStore();
    final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    final InMemoryPaymentStore payments = new InMemoryPaymentStore();
    final FakePbx pbx = new FakePbx();
    final AgentPool agents = new AgentPool(List.of(new AgentSeat(new AgentId("101"), Set.of(DESK)),
            new AgentSeat(new AgentId("102"), Set.of(DESK))), Duration.ofSeconds(20), new InMemoryAgentRoster(), "");
    final DialerEngine dialer = DialerEngine.builder(clock, d -> {}).accounts(accounts).ledger(ledger)
            .promises(promises).telephony(pbx).agents(agents)
            .campaigns(List.of(new Campaign(DESK, "Late-stage desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme Lending", "18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3)))
            .maxOriginatesPerTick(10).build();
    final InMemorySuppressionStore suppression = new InMemorySuppressionStore();
    final AgentDesk desk = new AgentDesk(clock, dialer.sessions(), promises, ledger, accounts, suppression,
            new InMemoryDispositionLog(), dialer.eligibility(), new InMemoryScreenPops());
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final TelephonyMeters telephony = new TelephonyMeters(registry);
    final TestControl control = new TestControl();
    final AtomicBoolean amiUp = new AtomicBoolean(true);
    final java.util.concurrent.atomic.AtomicReference<Map<String, String>> deploymentChecks =
            new java.util.concurrent.atomic.AtomicReference<>(Map.of());
    final OpsWeb web;
    final OpsParts parts;
    final OpsWebConfig config;

    /** Campaign control as a map of run states, as the Quartz dial cycle keeps them. */
    static final class TestControl implements CampaignControl {
        private final Map<CampaignId, RunState> states = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void start(CampaignId campaign) {
            states.put(campaign, RunState.RUNNING);
        }

        @Override
        public void pause(CampaignId campaign) {
            if (state(campaign) != RunState.RUNNING) {
                throw new IllegalStateException("campaign " + campaign + " is not running, so it cannot be paused");
            }
            states.put(campaign, RunState.PAUSED);
        }

        @Override
        public void stop(CampaignId campaign) {
            states.put(campaign, RunState.STOPPED);
        }

        @Override
        public RunState state(CampaignId campaign) {
            return states.getOrDefault(campaign, RunState.STOPPED);
        }
    }

    TestDesk(int maxBody) {
        this(new OpsWebConfig("127.0.0.1", 0, maxBody, TOKENS));
    }

    static final Map<String, Principal> TOKENS = Map.of(OPS, Principal.operations(),
            AGENT_101, Principal.agent(new AgentId("101")), AGENT_102, Principal.agent(new AgentId("102")));

    TestDesk(OpsWebConfig config) {
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

            @Override
            public Map<String, String> deploymentChecks() {
                return deploymentChecks.get();
            }
        };
        this.config = config;
        parts = new OpsParts(clock, dialer, agents, desk, accounts, promises, control, imports(), exports(), health,
                CampaignEditor.UNSUPPORTED, registry, new RecordPayments(new PaymentCsvReader(), payments, promises,
                        accounts, List.of(DESK), clock),
                new Reports(ledger, promises, agents.figures(), clock, NEW_YORK),
                new PromiseBook(promises, accounts, ledger, payments, clock));
        web = OpsWeb.assemble(config, parts);
    }

    private AccountImports imports() {
        return new AccountImports() {
            @Override
            public ImportAccounts.Summary importCsv(CampaignId campaign, String region, java.io.Reader csv) {
                try {
                    return new ImportAccounts(new AccountCsvReader(region), accounts, clock).importReader(campaign,
                            "upload", csv);
                } catch (io.duecall.port.ImportRejectedException e) {
                    throw new AccountImports.ImportRejectedException(e.errors(), e.count(), e);
                }
            }

            @Override
            public ListDoNotCall.Result doNotCall(String reason, String region, java.io.Reader csv, String source) {
                try {
                    return new ListDoNotCall(suppression, clock).list(new NumberListCsvReader(region).read("upload", csv),
                            reason, source);
                } catch (io.duecall.port.ImportRejectedException e) {
                    throw new AccountImports.ImportRejectedException(e.errors(), e.count(), e);
                }
            }
        };
    }

    private CsvExports exports() {
        return new CsvExports() {
            @Override
            public void ledger(Writer out) {
                new AttemptCsvWriter().write(ledger.readAll(), out);
            }

            @Override
            public void promises(Writer out) {
                new PromiseCsvWriter().write(promises.all(), out);
            }

            @Override
            public void table(List<String> header, List<List<String>> rows, Writer out) {
                io.duecall.adapter.csv.TableCsvWriter.write(header, rows, out);
            }
        };
    }

    /** Sends raw bytes through a fresh pipeline and returns what the server wrote back, and the channel. */
    EmbeddedChannel channel() {
        return new EmbeddedChannel(OpsInitializer.of(web));
    }

    static String written(EmbeddedChannel channel) {
        var out = new StringBuilder();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            if (o instanceof ByteBuf buf) {
                out.append(buf.toString(StandardCharsets.UTF_8));
                buf.release();
            }
        }
        return out.toString();
    }

    /** A live server over the same parts, with the given limits. */
    OpsServer start(OpsWebConfig.Limits limits) {
        return OpsServer.start(new OpsWebConfig(config.bindHost(), 0, config.tokens(), limits), parts);
    }

    /** The default limits but for the timeouts and connection caps. */
    static OpsWebConfig.Limits limits(Duration idleTimeout, Duration requestTimeout, int maxConnections,
            int maxConnectionsPerAddress) {
        var d = OpsWebConfig.Limits.defaults();
        return new OpsWebConfig.Limits(d.maxRequestLineBytes(), d.maxHeaderBytes(), 4096, idleTimeout, requestTimeout,
                maxConnections, maxConnectionsPerAddress, d.maxPendingEventBytes(), d.maxSkippedEvents(),
                d.historyInterval(), d.historySamples());
    }

    String raw(String request) {
        var channel = channel();
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        var out = written(channel);
        channel.finishAndReleaseAll();
        return out;
    }

    /** Sends one raw HTTP request through a fresh pipeline and returns the raw response. */
    String exchange(String method, String path, String token, String contentType, String body) {
        var channel = channel();
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
        agents.ready(new AgentId("101"), NOON_NEW_YORK);
        dialer.tick(DESK);
        var callId = pbx.originated.getLast().callId();
        pbx.emit(new CallEvent.Answered(callId, NOON_NEW_YORK, "Local/x@debtors-1;1"));
        dialer.sessions().requestAgent(callId);
        pbx.emit(new CallEvent.Bridged(callId, NOON_NEW_YORK, "101"));
        return callId;
    }

    @Override
    public void close() {}
}
