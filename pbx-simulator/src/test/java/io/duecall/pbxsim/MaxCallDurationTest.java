package io.duecall.pbxsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CALL_MAX_SECONDS is the channel's absolute timeout: the call ends then, in the IVR or bridged to an agent. The
 * simulator's timers run on the wall clock (scaled), so these tests bound a call's length from below only and prove
 * the cause with the simulator's own count of maximum-duration hang-ups; a busy machine can only make a call longer.
 */
@Timeout(120)
class MaxCallDurationTest {
    /** One simulated second is 10 ms; agents would talk for about 10,000 simulated seconds (100 s). */
    private static final double TIME_SCALE = 0.01;
    private PlainAgiServer agiServer;
    private PbxSimulator sim;
    private AmiClient ami;

    private void start() throws Exception {
        agiServer = new PlainAgiServer(List.of("ANSWER"));
        var url = URI.create("agi://127.0.0.1:" + agiServer.port() + "/reminder");
        var defaults = Population.defaults();
        var population = new Population(defaults.outcomes(), defaults.ringSeconds(), defaults.personas(),
                new Population.LogNormal(10_000, 1), defaults.fixed())
                .withFixed("101", Outcome.ANSWERED, "1").withFixed("102", Outcome.ANSWERED, "1");
        sim = PbxSimulator.start(SimulatorConfig.defaults(url).withAmiPort(0).withPopulation(population)
                .withTimeScale(TIME_SCALE));
        ami = new AmiClient(sim.amiPort());
    }

    @AfterEach
    void stop() throws Exception {
        ami.close();
        sim.close();
        agiServer.close();
    }

    private String originate(Map<String, String> variables) throws Exception {
        return originate("101", variables);
    }

    private String originate(String number, Map<String, String> variables) throws Exception {
        var action = new OriginateAction();
        action.setChannel("Local/" + number + "@debtors");
        action.setContext("dialer-out");
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(30000L);
        action.setAsync(true);
        action.setVariables(variables);
        ami.connection.sendAction(action, 5000);
        var answer = (OriginateResponseEvent) ami.until(e -> e instanceof OriginateResponseEvent r
                && r.getChannel() != null && r.getChannel().startsWith(action.getChannel())).getLast();
        assertEquals(4, answer.getReason());
        return answer.getChannel();
    }

    private PlacedCall onlyCall() {
        var calls = sim.placedCalls();
        assertEquals(1, calls.size(), calls.toString());
        return calls.getFirst();
    }

    private static long simulatedSeconds(java.time.Instant from, java.time.Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 1000.0 / TIME_SCALE);
    }

    @Test
    void aCallBridgedToAnAgentIsHungUpWhenItsMaximumRunsOut() throws Exception {
        start();
        var channel = originate(Map.of("CALL_ID", "c-101", "CALL_MAX_SECONDS", "60"));
        agiServer.replies.get(5, TimeUnit.SECONDS);
        ami.connection.sendAction(new RedirectAction(channel, "dialer-agents", "201", 1), 5000);

        ami.until(e -> e instanceof HangupEvent h && h.getChannel().endsWith("debtors-00000001;2"));

        var call = onlyCall();
        assertNotNull(call.bridgedAt(), call.toString());
        long lasted = simulatedSeconds(call.answeredAt(), call.endedAt());
        assertTrue(lasted >= 59, "lasted " + lasted + " simulated seconds after the answer: " + call);
        assertEquals(1, sim.stats().maxDurationHangups());
    }

    @Test
    void aCallStillInTheIvrIsHungUpWhenItsMaximumRunsOut() throws Exception {
        start();
        originate(Map.of("CALL_ID", "c-101", "CALL_MAX_SECONDS", "45"));

        ami.until(e -> e instanceof HangupEvent h && h.getChannel().endsWith("debtors-00000001;2"));

        var call = onlyCall();
        assertNull(call.bridgedAt(), call.toString());
        long lasted = simulatedSeconds(call.answeredAt(), call.endedAt());
        assertTrue(lasted >= 44, "lasted " + lasted + " simulated seconds after the answer: " + call);
        assertEquals(1, sim.stats().maxDurationHangups());
    }

    @Test
    void withoutAMaximumTheCallStaysUp() throws Exception {
        start();
        originate(Map.of("CALL_ID", "c-101", "CALL_MAX_SECONDS", "not-a-number"));
        agiServer.replies.get(5, TimeUnit.SECONDS);
        // A later call with a 150-second maximum is the timer: once it is hung up, the first has been up longer.
        originate("102", Map.of("CALL_ID", "c-102", "CALL_MAX_SECONDS", "150"));

        ami.until(e -> e instanceof HangupEvent h && h.getChannel().endsWith("debtors-00000002;2"));

        var first = sim.placedCalls().stream().filter(call -> "c-101".equals(call.callId())).findFirst().orElseThrow();
        assertNull(first.endedAt(), "a call with no valid maximum is still up after 150 simulated seconds: " + first);
        assertEquals(1, sim.stats().maxDurationHangups());
    }
}
