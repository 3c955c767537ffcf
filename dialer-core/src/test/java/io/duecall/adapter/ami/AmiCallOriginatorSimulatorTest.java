package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import io.duecall.port.TelephonyUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The adapter against the embedded PBX simulator over loopback TCP, with a fixed outcome per dialed number. */
class AmiCallOriginatorSimulatorTest {
    private static final CampaignId CAMPAIGN = new CampaignId("reminders");
    private static final Duration RING = Duration.ofSeconds(20);

    private static PbxSimulator simulator;
    private static AmiCallOriginator originator;
    private static final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();
    private static final BlockingQueue<String> accepted = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startSimulatorAndConnect() throws TelephonyUnavailableException {
        var population = Population.defaults()
                .withFixed("+15550000401", Outcome.BUSY, "")
                .withFixed("+15550000501", Outcome.NO_ANSWER, "")
                .withFixed("+15550000601", Outcome.CONGESTION, "")
                .withFixed("+15550000013", Outcome.FAILED, "")
                .withFixed("+15550000101", Outcome.ANSWERED, "")
                .withFixed("+15550000102", Outcome.ANSWERED, "")
                .withFixed("+15550000103", Outcome.ANSWERED, "");
        var simConfig = SimulatorConfig.defaults(URI.create("agi://127.0.0.1:1/reminder"))
                .withAmiPort(0)
                .withPopulation(population)
                .withTimeScale(0.01);
        simulator = PbxSimulator.start(simConfig, new HoldingAgiRunner());
        var config = AmiConfig.defaults()
                .withEndpoint("127.0.0.1", simulator.amiPort())
                .withCredentials(simConfig.amiUsername(), simConfig.amiSecret());
        originator = AmiCallOriginator.connect(config, Clock.systemUTC());
        originator.onEvent(event -> {
            if (event instanceof CallEvent.OriginateAccepted) {
                accepted.add(event.callId());
            } else {
                events.add(event);
            }
        });
    }

    @AfterAll
    static void disconnectAndStop() {
        if (originator != null) {
            originator.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "c-busy-1, +15550000401, BUSY",
        "c-noanswer-1, +15550000501, NO_ANSWER",
        "c-congestion-1, +15550000601, CONGESTION",
        "c-failed-1, +15550000013, FAILED"})
    void unconnectedCallsReportTheirOutcome(String callId, String number, CallOutcome outcome) throws Exception {
        originator.originate(new CallRequest(callId, CAMPAIGN, new E164(number), RING));

        var event = nextEventFor(callId);
        var notConnected = assertInstanceOf(CallEvent.NotConnected.class, event);
        assertEquals(outcome, notConnected.outcome());
    }

    @Test
    void eachActionsRoundTripAndEachEventsLagAreReported() throws Exception {
        var actions = new CopyOnWriteArrayList<String>();
        var lags = new CopyOnWriteArrayList<Duration>();
        originator.observe(new AmiTimings() {
            @Override
            public void actionAnswered(String action, Duration roundTrip) {
                actions.add(action);
            }

            @Override
            public void eventHandled(String event, Duration lag) {
                lags.add(lag);
            }
        });
        try {
            originator.originate(new CallRequest("c-busy-3", CAMPAIGN, new E164("+15550000401"), RING));
            assertInstanceOf(CallEvent.NotConnected.class, nextEventFor("c-busy-3"));
        } finally {
            originator.observe(AmiTimings.NONE);
        }

        assertTrue(actions.contains("Originate"), actions.toString());
        assertFalse(lags.isEmpty());
        assertTrue(lags.stream().noneMatch(Duration::isNegative), lags.toString());
    }

    @Test
    void loginLeavesTheConnectionHealthy() {
        assertTrue(originator.connected());
    }

    @Test
    void hangupOfACallThatNeverConnectedIsANoOp() throws Exception {
        originator.originate(new CallRequest("c-busy-2", CAMPAIGN, new E164("+15550000401"), RING));
        assertInstanceOf(CallEvent.NotConnected.class, nextEventFor("c-busy-2"));

        originator.hangup("c-busy-2");

        assertTrue(originator.connected());
    }

    @Test
    void aCallStillRingingIsHungUpByTheUniqueidItsOriginateGaveIt() throws Exception {
        // Rings for an hour (36 s at this time scale) unless hung up.
        originator.originate(new CallRequest("c-ringing-1", CAMPAIGN, new E164("+15550000501"),
                Duration.ofHours(1)));
        for (String id = null; !"c-ringing-1".equals(id); ) {
            id = accepted.poll(10, TimeUnit.SECONDS);
            assertNotNull(id, "the PBX took the originate");
        }
        long hangupsBefore = simulator.stats().hangupActions();
        long start = System.nanoTime();

        originator.hangup("c-ringing-1");

        assertInstanceOf(CallEvent.NotConnected.class, nextEventFor("c-ringing-1"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "ended by the hang-up, not the ring");
        assertEquals(hangupsBefore + 1, simulator.stats().hangupActions());
    }

    @Test
    void answeredCallEndsWhenWeHangUp() throws Exception {
        originator.originate(new CallRequest("c-answer-1", CAMPAIGN, new E164("+15550000101"), RING));
        var answered = assertInstanceOf(CallEvent.Answered.class, nextEventFor("c-answer-1"));
        assertEquals(java.util.Optional.of(false), originator.inBridge("c-answer-1"), "in the IVR, not bridged");

        originator.hangup("c-answer-1");

        assertTrue(answered.channel().startsWith("Local/+15550000101@debtors-"), answered.channel());
        assertInstanceOf(CallEvent.Ended.class, nextEventFor("c-answer-1"));
    }

    @Test
    void answeredCallRedirectedToAnAgentIsReportedBridgedThenEnded() throws Exception {
        originator.originate(new CallRequest("c-answer-2", CAMPAIGN, new E164("+15550000102"), RING));
        assertInstanceOf(CallEvent.Answered.class, nextEventFor("c-answer-2"));

        originator.bridgeToAgent("c-answer-2", "202");

        var bridged = assertInstanceOf(CallEvent.Bridged.class, nextEventFor("c-answer-2"));
        assertEquals("202", bridged.agentExtension());
        assertEquals(java.util.Optional.of(true), originator.inBridge("c-answer-2"), "the PBX lists it bridged");
        assertInstanceOf(CallEvent.Ended.class, nextEventFor("c-answer-2"));
    }

    @Test
    void theCallsMaximumDurationTravelsWithTheOriginateAndThePbxEndsTheCallThen() throws Exception {
        originator.originate(new CallRequest("c-max-1", CAMPAIGN, new E164("+15550000103"), RING,
                Duration.ofSeconds(90)));
        assertInstanceOf(CallEvent.Answered.class, nextEventFor("c-max-1"));

        // The IVR holds the call; nobody hangs up but the PBX, 90 simulated seconds (0.9 s) after the answer.
        assertInstanceOf(CallEvent.Ended.class, nextEventFor("c-max-1"));
        // The simulator reports the hang-up a moment before its call log shows the call ended: wait for the log.
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        java.util.Optional<io.duecall.pbxsim.PlacedCall> ended;
        while ((ended = simulator.placedCalls().stream()
                .filter(c -> "c-max-1".equals(c.callId()) && c.endedAt() != null).findFirst()).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "never logged as ended: " + simulator.placedCalls());
            Thread.sleep(5);
        }
        var call = ended.get();
        var lasted = Duration.between(call.answeredAt(), call.endedAt()).toMillis();
        // At least the maximum; the upper bound only rules out a call the PBX never ended (a busy machine is slow).
        assertTrue(lasted >= 880 && lasted < 30_000, "ended " + lasted + " ms after the answer");
    }

    @Test
    void originatesAreSentWithoutWaitingAndEachResponseIsReportedAsItsAcceptance() throws Exception {
        assertTrue(originator.reportsAcceptance());
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            var callId = "c-pipelined-" + i;
            ids.add(callId);
            originator.originate(new CallRequest(callId, CAMPAIGN, new E164("+15550000401"), RING));
        }
        var seen = new java.util.HashSet<String>();
        while (!seen.containsAll(ids)) {
            var callId = accepted.poll(10, TimeUnit.SECONDS);
            assertNotNull(callId, "every originate's response is reported as its acceptance; missing "
                    + ids.stream().filter(id -> !seen.contains(id)).toList());
            seen.add(callId);
        }

        assertEquals(0, originator.outstandingOriginates());
    }

    @Test
    void redirectOfACallWithoutAnAnsweredChannelIsRefused() {
        var error = assertThrows(TelephonyUnavailableException.class,
                () -> originator.bridgeToAgent("c-never-placed", "201"));

        assertTrue(error.getMessage().contains("c-never-placed"), error.getMessage());
    }

    private static CallEvent nextEventFor(String callId) throws InterruptedException {
        while (true) {
            var event = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "no event for " + callId + " within 10 s");
            if (event.callId().equals(callId)) {
                return event;
            }
        }
    }
}
