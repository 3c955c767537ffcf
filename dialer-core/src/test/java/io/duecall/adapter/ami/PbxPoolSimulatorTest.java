package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.time.VirtualClock;
import io.duecall.app.PbxPool;
import io.duecall.domain.account.E164;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.pbx.PbxLimits;
import io.duecall.domain.pbx.TrunkLimits;
import io.duecall.pbxsim.Outcome;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.PlacedCall;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.port.CallEvent;
import io.duecall.port.CallRequest;
import io.duecall.port.OriginateThrottledException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pool of two simulated PBXs over loopback AMI, driven on a virtual clock that the simulators stamp their call
 * logs with: each second the pool is asked for more calls than the PBXs' and trunks' rates allow.
 */
@Timeout(180)
class PbxPoolSimulatorTest {
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private static final int SECONDS = 5;
    private static final int ASKED_PER_SECOND = 10;

    private final VirtualClock clock = new VirtualClock(T0);
    private final List<PbxSimulator> simulators = new ArrayList<>();
    private PbxPool pool;

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
        simulators.forEach(PbxSimulator::close);
    }

    @Test
    void originatesLandOnBothPbxsAndNoSecondExceedsAPbxsOrATrunksRate() throws Exception {
        var numbers = numbers(SECONDS * ASKED_PER_SECOND);
        var a = simulator(numbers, 1);
        var b = simulator(numbers, 2);
        var limitsA = new PbxLimits("pbx-a", 50, 3, 3, List.of(new TrunkLimits("t1", 2, 2), new TrunkLimits("t2", 2, 2)));
        var limitsB = new PbxLimits("pbx-b", 50, 2, 2, List.of(TrunkLimits.unlimited("t3")));
        pool = new PbxPool(List.of(
                new PbxPool.Member(limitsA, connect(a, limitsA, Map.of("t1", "PJSIP/{number}@t1", "t2", "PJSIP/{number}@t2"))),
                new PbxPool.Member(limitsB, connect(b, limitsB, Map.of("t3", "PJSIP/{number}@t3")))), clock);
        var ended = ConcurrentHashMap.<String>newKeySet();
        pool.onEvent(event -> {
            if (event instanceof CallEvent.NotConnected || event instanceof CallEvent.Ended) {
                ended.add(event.callId());
            }
        });

        int throttled = 0;
        for (int second = 0; second < SECONDS; second++) {
            for (int i = 0; i < ASKED_PER_SECOND; i++) {
                var n = second * ASKED_PER_SECOND + i;
                try {
                    pool.originate(new CallRequest("c-" + n, new CampaignId("reminders"), new E164(numbers.get(n)),
                            Duration.ofSeconds(20)));
                } catch (OriginateThrottledException e) {
                    throttled++;
                }
            }
            // The simulators stamp a call with the virtual clock when its Originate arrives: let this second's
            // accepted originates arrive before the clock moves on, however busy the machine is.
            awaitPlaced(List.of(a, b), (second + 1) * ASKED_PER_SECOND - throttled);
            clock.advance(Duration.ofSeconds(1));
        }

        var perSecondA = perSecond(a.placedCalls(), call -> "all");
        var perSecondB = perSecond(b.placedCalls(), call -> "all");
        var perTrunkA = perSecond(a.placedCalls(), call -> call.channel().substring(call.channel().indexOf('@') + 1));
        assertEquals(SECONDS * 3, a.placedCalls().size());
        assertEquals(SECONDS * 2, b.placedCalls().size());
        assertEquals(SECONDS * (ASKED_PER_SECOND - 5), throttled);
        assertTrue(perSecondA.values().stream().allMatch(count -> count <= 3), perSecondA.toString());
        assertTrue(perSecondB.values().stream().allMatch(count -> count <= 2), perSecondB.toString());
        assertTrue(perTrunkA.values().stream().allMatch(count -> count <= 2), perTrunkA.toString());
        assertEquals(SECONDS, perSecondA.size());
        awaitEnded(ended, SECONDS * 5);
        assertEquals(0, pool.callsUp("pbx-a") + pool.callsUp("pbx-b"));
    }

    private PbxSimulator simulator(List<String> numbers, long seed) {
        var population = Population.defaults();
        for (var number : numbers) {
            population = population.withFixed(number, Outcome.NO_ANSWER, "");
        }
        var config = SimulatorConfig.defaults(URI.create("agi://127.0.0.1:1/reminder"))
                .withAmiPort(0).withPopulation(population).withTimeScale(0.01);
        var simulator = PbxSimulator.start(config, clock);
        simulators.add(simulator);
        return simulator;
    }

    private AmiPbxConnection connect(PbxSimulator simulator, PbxLimits limits, Map<String, String> templates)
            throws Exception {
        var ami = AmiConfig.defaults().withEndpoint("127.0.0.1", simulator.amiPort());
        return AmiPbxConnection.connect(new AmiPbx(limits, ami, templates), clock);
    }

    /** Calls per virtual second and key, e.g. {@code 0/t1 -> 2}. */
    private static Map<String, Long> perSecond(List<PlacedCall> calls, Function<PlacedCall, String> key) {
        return calls.stream().collect(Collectors.groupingBy(
                call -> (call.startedAt().getEpochSecond() - T0.getEpochSecond()) + "/" + key.apply(call),
                Collectors.counting()));
    }

    private static List<String> numbers(int count) {
        var numbers = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            numbers.add("+1555010" + String.format("%04d", i));
        }
        return numbers;
    }

    private static void awaitPlaced(List<PbxSimulator> simulators, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (placed(simulators) < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, placed(simulators), "originates the simulators received");
    }

    private static int placed(List<PbxSimulator> simulators) {
        return simulators.stream().mapToInt(simulator -> simulator.placedCalls().size()).sum();
    }

    private static void awaitEnded(java.util.Set<String> ended, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ended.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, ended.size(), "calls whose end was reported");
    }
}
