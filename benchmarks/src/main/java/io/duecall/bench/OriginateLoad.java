package io.duecall.bench;

import io.duecall.adapter.ami.AmiCallOriginator;
import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.app.AgentPool;
import io.duecall.app.DialerEngine;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.domain.window.CallingWindow;
import io.duecall.ivr.adapter.agi.IvrServer;
import io.duecall.ivr.adapter.agi.IvrServerConfig;
import io.duecall.ivr.adapter.agi.ReminderAgiScript;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.pbxsim.PbxLatency;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.port.TelephonyUnavailableException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * One engine wired as the app wires it (DialerEngine, AmiCallOriginator over TCP, IvrServer over FastAGI) against an
 * in-process PBX simulator on loopback answering with the recorded Asterisk latencies ({@link PbxLatency#RECORDED}),
 * with in-memory stores. An agent campaign with many simulated agents: every
 * call answers after a short ring, its IVR asks for an agent at once, and the engine redirects it to one.
 */
final class OriginateLoad {
    static final CampaignId CAMPAIGN = new CampaignId("bench-desk");
    /** A Tuesday noon in New York, so every debtor is inside the calling window whatever the hour of the run. */
    private static final Instant CAMPAIGN_NOON = Instant.parse("2026-03-03T17:00:00Z");
    private static final Duration TICK = Duration.ofMillis(10);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    private static final int MAX_ORIGINATES_PER_TICK = 100;
    /**
     * The trunk's rate, set as the campaign's {@code pacing.maxOriginatesPerSecond} as a deployment sets it: 400 a
     * second is what a real Asterisk 22 accepted from a client that pipelines its originates. Without it the engine
     * out-dials what any PBX takes, and on one 2-core machine it starves the simulator and the IVR it shares the
     * cores with.
     */
    static final double TRUNK_ORIGINATES_PER_SECOND = 400;

    /**
     * @param timeScale the simulator's factor on ringing and talk time: 0.002 rings 1-2 ms and talks about 180 ms
     */
    record Settings(double windowSeconds, int agents, int accounts, double timeScale, int maxOutstanding) {
        Settings {
            if (!(windowSeconds > 0)) {
                throw new IllegalArgumentException("windowSeconds: " + windowSeconds + " (expected > 0)");
            }
            if (agents < 1 || accounts < 1) {
                throw new IllegalArgumentException("agents: " + agents + ", accounts: " + accounts + " (expected >= 1)");
            }
        }

        /** {@code agents} agents, and more accounts than the window can dial at 1,500 a second. */
        static Settings forWindow(int seconds, int agents, double timeScale) {
            return new Settings(seconds, agents, Math.max(2_000, seconds * 1_500), timeScale,
                    AmiConfig.DEFAULT_MAX_OUTSTANDING_ORIGINATES);
        }

        /** The same run with each Originate waiting for its response before the next (the behaviour before pipelining). */
        Settings oneAtATime() {
            return new Settings(windowSeconds, agents, accounts, timeScale, 0);
        }
    }

    private OriginateLoad() {}

    static OriginateResult run(Settings settings) throws Exception {
        var clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), CAMPAIGN_NOON));
        var accounts = new InMemoryAccountStore();
        var ledger = new InMemoryAttemptLedger();
        var sessions = new TimedSessions();
        var agentIds = new ArrayList<String>();
        for (int i = 0; i < settings.agents(); i++) {
            agentIds.add(String.valueOf(10_000 + i));
        }
        var agi = new TimedAgi(new ReminderAgiScript(sessions, new ReminderFlow(sessions, Duration.ofSeconds(5))));
        sessions.measurePbxWaitWith(agi);
        try (var ivr = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0), agi);
                var ledgerWriter = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ledger-writer-", 0)
                        .factory())) {
            ivr.start();
            var ami = AmiConfig.defaults();
            var simConfig = new SimulatorConfig("127.0.0.1", 0, "dialer", "secret",
                    Map.of(ami.outboundContext(), URI.create("agi://127.0.0.1:" + ivr.port() + "/" + IvrServer.SCRIPT)),
                    Set.of(), ami.agentContext(), agentIds, answeringPopulation(), settings.timeScale(), 11L,
                    ami.abandonContext(), PbxLatency.RECORDED);
            try (var simulator = PbxSimulator.start(simConfig)) {
                var amiOriginator = AmiCallOriginator.connect(ami.withEndpoint("127.0.0.1", simulator.amiPort())
                        .withCredentials(simConfig.amiUsername(), simConfig.amiSecret())
                        .withMaxOutstandingOriginates(settings.maxOutstanding()), clock);
                try (var telephony = new TimedTelephony(amiOriginator)) {
                    amiOriginator.observe(telephony);
                    var seats = agentIds.stream().map(id -> new AgentSeat(new AgentId(id), Set.of(CAMPAIGN))).toList();
                    var agents = new AgentPool(seats, Duration.ZERO, new InMemoryAgentRoster(), "");
                    var engine = DialerEngine.builder(clock, d -> Thread.sleep(d)).accounts(accounts).ledger(ledger)
                            .promises(new InMemoryPromiseStore()).telephony(telephony).agents(agents)
                            .campaigns(List.of(campaign(settings.agents())))
                            .pacing(Map.of(CAMPAIGN, new PacingPolicy(PacingPolicy.Mode.PROGRESSIVE, 1.5, 3,
                                    TRUNK_ORIGINATES_PER_SECOND, 0.025)))
                            .maxOriginatesPerTick(MAX_ORIGINATES_PER_TICK).ledgerWriter(ledgerWriter)
                            .bridgeWatch(Executors.newThreadPerTaskExecutor(Thread.ofVirtual()
                                    .name("bridge-watch-", 0).factory()))
                            .build();
                    sessions.set(engine.sessions());
                    accounts.importAccounts(CAMPAIGN, BenchDebtors.accounts(settings.accounts(), clock.instant()),
                            clock.instant());
                    seats.forEach(seat -> agents.ready(seat.id(), clock.instant()));
                    long placed = dial(engine, settings.windowSeconds());
                    boolean drained = drain(engine);
                    return result(settings, placed, telephony, sessions, ledger,
                            amiOriginator.droppedEvents(), drained);
                }
            }
        }
    }

    /** Ticks the campaign every 10 ms for the window, as the Quartz dial cycle would; returns the calls placed. */
    private static long dial(DialerEngine engine, double windowSeconds) {
        long start = System.nanoTime();
        long end = start + (long) (windowSeconds * 1e9);
        long next = start;
        long placed = 0;
        while (System.nanoTime() < end) {
            placed += engine.tick(CAMPAIGN);
            next += TICK.toNanos();
            LockSupport.parkNanos(next - System.nanoTime());
        }
        return placed;
    }

    private static boolean drain(DialerEngine engine) {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (engine.callsInFlight() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TICK.toNanos());
        }
        return engine.callsInFlight() == 0;
    }

    private static OriginateResult result(Settings settings, long placed, TimedTelephony telephony,
            TimedSessions sessions, InMemoryAttemptLedger ledger, long droppedEvents,
            boolean drained) {
        var toAgi = new ArrayList<Long>();
        telephony.originateSent.forEach((callId, sent) -> {
            var connected = sessions.agiConnected.get(callId);
            if (connected != null) {
                toAgi.add(connected - sent);
            }
        });
        var engineToBridge = new ArrayList<Long>();
        var loopbackToBridge = new ArrayList<Long>();
        telephony.bridgeSent.forEach((callId, sent) -> {
            var connected = sessions.agiConnected.get(callId);
            var pbxWait = sessions.pbxWaitBeforeAgent.get(callId);
            if (connected != null && pbxWait != null) {
                engineToBridge.add(sent - connected - pbxWait);
            }
            var answered = telephony.answered.get(callId);
            Long firstSign = answered == null ? connected
                    : connected == null ? answered : Long.valueOf(Math.min(answered, connected));
            if (firstSign != null) {
                loopbackToBridge.add(telephony.bridgeAccepted.get(callId) - firstSign);
            }
        });
        var linesPerCall = new HashMap<String, Integer>();
        ledger.readAll().forEach(line -> linesPerCall.merge(line.callId(), 1, Integer::sum));
        long unaccounted = telephony.originateSent.keySet().stream()
                .filter(callId -> linesPerCall.getOrDefault(callId, 0) != 1).count()
                + linesPerCall.keySet().stream().filter(id -> !telephony.originateSent.containsKey(id)).count()
                + (drained ? 0 : 1);
        long refused = telephony.refusedOriginates.get() + telephony.refusedBridges.get() + droppedEvents;
        return new OriginateResult(placed, settings.windowSeconds(), unbox(toAgi), unbox(engineToBridge),
                unbox(loopbackToBridge), answered(ledger), linesPerCall.values().stream().mapToLong(Integer::longValue)
                .sum(), unaccounted, refused, placed >= settings.accounts(), settings.maxOutstanding(),
                telephony.throttledOriginates.get());
    }

    /** The ledger's answered calls by how they ended. */
    private static OriginateResult.Answered answered(InMemoryAttemptLedger ledger) {
        long bridged = 0;
        long abandoned = 0;
        long other = 0;
        for (var line : ledger.readAll()) {
            if (line.answeredAt() == null) {
                continue;
            }
            if (line.disposition() == Disposition.AGENT_CONVERSATION) {
                bridged++;
            } else if (line.abandoned()) {
                abandoned++;
            } else {
                other++;
            }
        }
        return new OriginateResult.Answered(bridged, abandoned, other);
    }

    private static long[] unbox(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Everyone answers after a short ring and stays on the line: an agent campaign's IVR asks for an agent at once,
     * and the one persona only ever waits. (The default personas include people who hang up at once; with them about
     * one answered call in nine left before the IVR could ask for an agent.)
     */
    private static Population answeringPopulation() {
        return new Population(new Population.Outcomes(1, 0, 0, 0, 0, 0), new Population.Range(0.5, 1.0),
                List.of(new Population.Persona("waits-for-an-agent", 1, "t")), new Population.LogNormal(90, 20),
                Map.of());
    }

    private static Campaign campaign(int agents) {
        return new Campaign(CAMPAIGN, "Throughput desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme Lending",
                "18005550100", Math.max(1, agents * 3), Duration.ofSeconds(20), Duration.ofSeconds(2),
                Duration.ofMinutes(5), 3);
    }
}
