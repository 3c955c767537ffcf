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

/** CALL_MAX_SECONDS is the channel's absolute timeout: the call ends then, in the IVR or bridged to an agent. */
@Timeout(20)
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
                new Population.LogNormal(10_000, 1), defaults.fixed()).withFixed("101", Outcome.ANSWERED, "1");
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
        var action = new OriginateAction();
        action.setChannel("Local/101@debtors");
        action.setContext("dialer-out");
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(30000L);
        action.setAsync(true);
        action.setVariables(variables);
        ami.connection.sendAction(action, 5000);
        var answer = (OriginateResponseEvent) ami.until(OriginateResponseEvent.class::isInstance).getLast();
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
        assertTrue(lasted >= 59 && lasted <= 90, "lasted " + lasted + " simulated seconds after the answer: " + call);
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
        assertTrue(lasted >= 44 && lasted <= 75, "lasted " + lasted + " simulated seconds after the answer: " + call);
        assertEquals(1, sim.stats().maxDurationHangups());
    }

    @Test
    void withoutAMaximumTheCallStaysUp() throws Exception {
        start();
        originate(Map.of("CALL_ID", "c-101", "CALL_MAX_SECONDS", "not-a-number"));
        agiServer.replies.get(5, TimeUnit.SECONDS);

        Thread.sleep(1_500);

        assertNull(onlyCall().endedAt(), "a call with no valid maximum is still up after 150 simulated seconds");
        assertEquals(0, sim.stats().maxDurationHangups());
    }
}
