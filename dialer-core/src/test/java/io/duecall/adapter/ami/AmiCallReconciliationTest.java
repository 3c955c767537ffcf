package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.pbxsim.Outcome;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.port.CallEvent;
import io.duecall.port.CallRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The manager connection drops while calls go on at the PBX; what happened to them meanwhile is reported as soon as
 * the connection returns, from the PBX's channel list, and the calls still up can be controlled as before.
 */
class AmiCallReconciliationTest {
    private static final CampaignId CAMPAIGN = new CampaignId("reminders");

    /** How soon after the connection returns the calls that changed meanwhile must be reported. */
    private static final Duration SOON = Duration.ofSeconds(5);

    private final Map<String, BlockingQueue<CallEvent>> events = new ConcurrentHashMap<>();
    private final List<CallEvent> seen = new CopyOnWriteArrayList<>();
    private PbxSimulator simulator;
    private AmiCallOriginator originator;

    @BeforeEach
    void startSimulatorAndConnect() throws Exception {
        var fixed = Population.defaults()
                .withFixed("+15550000101", Outcome.ANSWERED, "")
                .withFixed("+15550000102", Outcome.ANSWERED, "")
                .withFixed("+15550000501", Outcome.NO_ANSWER, "");
        // Agents talk for ages, so a bridged call is still up when the test hangs it up.
        var population = new Population(fixed.outcomes(), fixed.ringSeconds(), fixed.personas(),
                new Population.LogNormal(1_000_000, 1), fixed.fixed());
        var simConfig = SimulatorConfig.defaults(URI.create("agi://127.0.0.1:1/reminder"))
                .withAmiPort(0).withPopulation(population).withTimeScale(0.01);
        simulator = PbxSimulator.start(simConfig, new HoldingAgiRunner());
        var config = AmiConfig.defaults().withEndpoint("127.0.0.1", simulator.amiPort())
                .withCredentials(simConfig.amiUsername(), simConfig.amiSecret());
        originator = AmiCallOriginator.connect(config, Clock.systemUTC());
        originator.onEvent(event -> {
            if (event instanceof CallEvent.OriginateAccepted) {
                return;
            }
            seen.add(event);
            queueOf(event.callId()).add(event);
        });
    }

    @AfterEach
    void stop() {
        if (originator != null) {
            originator.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void callsThatEndedWhileDisconnectedAreReportedOnReturnAndTheOthersCarryOn() throws Exception {
        var lost = new CompletableFuture<AmiConnectionEvent>();
        var restored = new CompletableFuture<AmiConnectionEvent>();
        originator.onConnectionEvent(e -> (e instanceof AmiConnectionLost ? lost : restored).complete(e));
        place("c-gone", "+15550000101", Duration.ofSeconds(20));
        place("c-stays", "+15550000102", Duration.ofSeconds(20));
        assertInstanceOf(CallEvent.Answered.class, nextEventFor("c-gone"));
        assertInstanceOf(CallEvent.Answered.class, nextEventFor("c-stays"));
        // Rings for ten real seconds (1000 s at this time scale), so it is still ringing when the connection drops.
        place("c-unanswered", "+15550000501", Duration.ofSeconds(1000));
        simulator.cutAmi();
        lost.get(10, TimeUnit.SECONDS);
        assertTrue(simulator.hangUpFromFarEnd("c-gone"));
        assertTrue(simulator.hangUpFromFarEnd("c-unanswered"));

        simulator.restoreAmi();

        restored.get(15, TimeUnit.SECONDS);
        assertInstanceOf(CallEvent.Ended.class, nextEventFor("c-gone", SOON));
        var unanswered = assertInstanceOf(CallEvent.NotConnected.class, nextEventFor("c-unanswered", SOON));
        assertEquals(CallOutcome.FAILED, unanswered.outcome());
        assertEquals(List.of("Answered"), namesOf("c-stays"));
        originator.bridgeToAgent("c-stays", "201");
        assertEquals("201", assertInstanceOf(CallEvent.Bridged.class, nextEventFor("c-stays")).agentExtension());
        originator.hangup("c-stays");
        assertInstanceOf(CallEvent.Ended.class, nextEventFor("c-stays"));
        assertEquals(List.of("Answered", "Ended"), namesOf("c-gone"));
    }

    @Test
    void nothingIsReportedWhenNoCallChangedWhileDisconnected() throws Exception {
        var restored = new CompletableFuture<AmiConnectionEvent>();
        var lost = new CompletableFuture<AmiConnectionEvent>();
        originator.onConnectionEvent(e -> (e instanceof AmiConnectionLost ? lost : restored).complete(e));
        place("c-quiet", "+15550000101", Duration.ofSeconds(20));
        assertInstanceOf(CallEvent.Answered.class, nextEventFor("c-quiet"));
        simulator.cutAmi();
        lost.get(10, TimeUnit.SECONDS);

        simulator.restoreAmi();

        restored.get(15, TimeUnit.SECONDS);
        originator.hangup("c-quiet");
        assertInstanceOf(CallEvent.Ended.class, nextEventFor("c-quiet"));
        assertEquals(List.of("Answered", "Ended"), namesOf("c-quiet"));
    }

    private void place(String callId, String number, Duration ring) throws Exception {
        originator.originate(new CallRequest(callId, CAMPAIGN, new E164(number), ring));
    }

    private List<String> namesOf(String callId) {
        return seen.stream().filter(e -> e.callId().equals(callId)).map(e -> e.getClass().getSimpleName()).toList();
    }

    private CallEvent nextEventFor(String callId) throws InterruptedException {
        return nextEventFor(callId, Duration.ofSeconds(10));
    }

    private CallEvent nextEventFor(String callId, Duration within) throws InterruptedException {
        var event = queueOf(callId).poll(within.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(event, "no event for " + callId + " within " + within);
        return event;
    }

    private BlockingQueue<CallEvent> queueOf(String callId) {
        return events.computeIfAbsent(callId, id -> new LinkedBlockingQueue<>());
    }
}
