package io.duecall.pbxsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.pbxsim.agi.AgiTranscript;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OriginateOutcomesTest {
    private final ScriptedAgi agi = new ScriptedAgi();
    private PbxSimulator sim;
    private AmiClient ami;

    @BeforeEach
    void start() throws Exception {
        var population = Population.defaults()
                .withFixed("101", Outcome.ANSWERED, "1")
                .withFixed("1201", Outcome.MACHINE, "")
                .withFixed("401", Outcome.BUSY, "")
                .withFixed("501", Outcome.NO_ANSWER, "")
                .withFixed("601", Outcome.CONGESTION, "")
                .withFixed("13", Outcome.FAILED, "");
        var config = SimulatorConfig.defaults(URI.create("agi://127.0.0.1:4573/reminder"))
                .withAmiPort(0).withPopulation(population).withTimeScale(0.001);
        sim = PbxSimulator.start(config, agi);
        ami = new AmiClient(sim.amiPort());
    }

    @AfterEach
    void stop() {
        ami.close();
        sim.close();
    }

    private void originate(String number, String context) throws Exception {
        var action = new OriginateAction();
        action.setChannel("Local/" + number + "@debtors");
        action.setContext(context);
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(6000L);
        action.setAsync(true);
        action.setVariables(Map.of("CALL_ID", "c-" + number));
        action.setActionId("o-" + number);
        var response = ami.connection.sendAction(action, 5000);
        assertEquals("Originate successfully queued", response.getMessage());
    }

    private static boolean isHangupOf(ManagerEvent e, String channelSuffix) {
        return e instanceof HangupEvent h && h.getChannel().endsWith(channelSuffix);
    }

    private static OriginateResponseEvent originateResponse(List<ManagerEvent> events) {
        return events.stream().filter(OriginateResponseEvent.class::isInstance)
                .map(OriginateResponseEvent.class::cast).findFirst().orElseThrow();
    }

    @Test
    void busyNumberReportsReason5InReferenceOrder() throws Exception {
        originate("401", "dialer-out");

        var events = ami.until(e -> isHangupOf(e, ";2"));

        assertEquals(List.of("NewChannel", "NewChannel", "LocalBridge", "DialBegin", "NewState", "DialEnd",
                "HangupRequest", "OriginateResponse", "Hangup", "DeviceStateChange", "DeviceStateChange",
                "SoftHangupRequest", "Hangup"), AmiClient.names(events));
        var response = originateResponse(events);
        assertEquals("o-401", response.getActionId());
        assertEquals(5, response.getReason());
        assertEquals("Failure", response.getResponse());
        assertEquals(17, ((HangupEvent) events.getLast()).getCause());
    }

    @Test
    void unansweredNumberRingsUntilTimeoutThenReportsReason3() throws Exception {
        originate("501", "dialer-out");

        var events = ami.until(e -> isHangupOf(e, ";2"));

        assertEquals(List.of("NewChannel", "NewChannel", "LocalBridge", "DialBegin", "NewState", "DialState",
                "DeviceStateChange", "HangupRequest", "OriginateResponse", "Hangup", "SoftHangupRequest", "Hangup"),
                AmiClient.names(events));
        assertEquals(3, originateResponse(events).getReason());
        assertEquals("User alerting, no answer", ((HangupEvent) events.getLast()).getCauseTxt());
    }

    @Test
    void congestedNumberReportsReason8() throws Exception {
        originate("601", "dialer-out");

        var events = ami.until(e -> isHangupOf(e, ";2"));

        assertEquals(List.of("NewChannel", "NewChannel", "LocalBridge", "DialBegin", "NewState",
                "DeviceStateChange", "DialEnd", "OriginateResponse", "HangupRequest", "Hangup", "SoftHangupRequest",
                "Hangup"), AmiClient.names(events));
        assertEquals(8, originateResponse(events).getReason());
        assertEquals(34, ((HangupEvent) events.getLast()).getCause());
    }

    @Test
    void numberWithoutExtensionReportsReason0() throws Exception {
        originate("13", "dialer-out");

        var events = ami.until(e -> isHangupOf(e, ";1"));

        assertEquals(List.of("NewChannel", "NewChannel", "Hangup", "OriginateResponse", "Hangup"),
                AmiClient.names(events));
        assertEquals(0, originateResponse(events).getReason());
        assertEquals("Local/13@debtors", originateResponse(events).getChannel());
    }

    @Test
    void answeredCallReportsReason4RunsTheAgiAndHangsUpWhenTheScriptEnds() throws Exception {
        originate("101", "dialer-out");
        var answer = ami.until(OriginateResponseEvent.class::isInstance);
        var session = agi.next();

        session.endWith(AgiTranscript.End.SCRIPT_HANGUP);
        var hangup = ami.until(e -> isHangupOf(e, ";2"));

        var response = originateResponse(answer);
        assertEquals(4, response.getReason());
        assertEquals("Success", response.getResponse());
        assertTrue(response.getChannel().matches("Local/101@debtors-[0-9a-f]{8};1"), response.getChannel());
        assertEquals(response.getChannel(), session.spec().channel());
        assertEquals(List.of("c-101"), session.spec().args());
        assertEquals(Map.of("CALL_ID", "c-101"), session.spec().variables());
        assertEquals(URI.create("agi://127.0.0.1:4573/reminder"), session.spec().agiUrl());
        assertEquals(List.of("SoftHangupRequest", "SoftHangupRequest", "HangupRequest", "Hangup",
                "SoftHangupRequest", "Hangup"), AmiClient.names(hangup.stream()
                .filter(e -> !e.getClass().getSimpleName().startsWith("DeviceState")).toList()));
        assertEquals(1, sim.stats().answered());
        assertEquals(1, sim.stats().agiSessions());
    }

    @Test
    void machineInAmdContextSendsAmdResultBeforeTheAgi() throws Exception {
        originate("1201", "dialer-out-amd");

        var events = ami.until(AmdResultEvent.class::isInstance);
        var session = agi.next();

        var amd = (AmdResultEvent) events.getLast();
        assertEquals("MACHINE", amd.getAmdstatus());
        assertEquals(4, originateResponse(events).getReason());
        assertEquals("MACHINE", session.spec().variables().get("AMDSTATUS"));
        assertTrue(session.spec().caller().actions().isEmpty());
        assertEquals(1, sim.stats().machines());
    }

    @Test
    void hangupActionEndsAnAnsweredCallAndInterruptsItsAgi() throws Exception {
        originate("101", "dialer-out");
        var channel = originateResponse(ami.until(OriginateResponseEvent.class::isInstance)).getChannel();
        var session = agi.next();

        var response = ami.connection.sendAction(new HangupAction(channel), 5000);

        assertEquals("Channel Hungup", response.getMessage());
        session.interrupted().get(5, TimeUnit.SECONDS);
        var events = ami.until(e -> isHangupOf(e, ";2"));
        assertEquals(16, ((HangupEvent) events.getLast()).getCause());
        assertEquals(1, sim.stats().hangupActions());
    }

    @Test
    void hangupActionOnUnknownChannelIsAnError() throws Exception {
        var response = ami.connection.sendAction(new HangupAction("Local/999@debtors-00000999;1"), 5000);

        assertEquals("Error", response.getResponse());
        assertEquals("No such channel", response.getMessage());
    }

    @Test
    void sameSeedAndNumberDrawTheSameOutcomes() throws Exception {
        var config = SimulatorConfig.defaults(URI.create("agi://127.0.0.1:4573/reminder")).withAmiPort(0)
                .withTimeScale(0.001);

        var first = reasonsOfFiveAttempts(config);
        var second = reasonsOfFiveAttempts(config);

        assertEquals(first, second);
    }

    private List<Integer> reasonsOfFiveAttempts(SimulatorConfig config) throws Exception {
        try (var other = PbxSimulator.start(config, new ScriptedAgi()); var client = new AmiClient(other.amiPort())) {
            var reasons = new java.util.ArrayList<Integer>();
            for (var i = 0; i < 5; i++) {
                var action = new OriginateAction();
                action.setChannel("Local/+15550100@debtors");
                action.setContext("no-such-context");
                action.setExten("s");
                action.setTimeout(1000L);
                action.setAsync(true);
                client.connection.sendAction(action, 5000);
                reasons.add(originateResponse(client.until(OriginateResponseEvent.class::isInstance)).getReason());
            }
            return reasons;
        }
    }

    @Test
    void redirectToAnAgentWhoIsAlreadyTalkingFailsTheDialAndPlaysTheAbandonMessage() throws Exception {
        var slowAgents = Population.defaults().withFixed("101", Outcome.ANSWERED, "").withFixed("102",
                Outcome.ANSWERED, "");
        slowAgents = new Population(slowAgents.outcomes(), slowAgents.ringSeconds(), slowAgents.personas(),
                new Population.LogNormal(1_000_000, 1), slowAgents.fixed());
        try (var busySim = PbxSimulator.start(SimulatorConfig.defaults(URI.create("agi://127.0.0.1:4573/r"))
                .withAmiPort(0).withPopulation(slowAgents).withTimeScale(0.001), new ScriptedAgi());
             var client = new AmiClient(busySim.amiPort())) {
            var first = answeredChannel(client, "101");
            var second = answeredChannel(client, "102");
            client.connection.sendAction(new RedirectAction(first, "dialer-agents", "201", 1), 5000);
            client.until(BridgeEnterEvent.class::isInstance);

            var response = client.connection.sendAction(new RedirectAction(second, "dialer-agents", "201", 1), 5000);

            assertEquals("Redirect successful", response.getMessage());
            var events = client.until(e -> isHangupOf(e, second));
            assertTrue(events.stream().anyMatch(e -> e instanceof DialEndEvent d && "BUSY".equals(d.getDialStatus())));
            // The agent context goes on to the abandon context after a Dial that found the phone busy.
            assertEquals(16, ((HangupEvent) events.getLast()).getCause());
            assertEquals(1, busySim.stats().abandonMessages());
            assertEquals(1, busySim.stats().agentBridges());
        }
    }

    @Test
    void agentPhoneThatDoesNotAnswerRingsUntilTheDebtorIsRedirectedToTheAbandonMessage() throws Exception {
        try (var sim = unansweringAgents(); var client = new AmiClient(sim.amiPort())) {
            var debtor = answeredChannel(client, "+15550142");
            client.connection.sendAction(new RedirectAction(debtor, "dialer-agents", "201", 1), 5000);
            var ringing = client.until(e -> e instanceof DialStateEvent d && "RINGING".equals(d.getDialStatus()));

            var response = client.connection.sendAction(new RedirectAction(debtor, "dialer-abandon", "s", 1), 5000);

            assertEquals("Redirect successful", response.getMessage());
            var events = client.until(e -> isHangupOf(e, debtor));
            assertTrue(events.stream().anyMatch(e -> e instanceof DialEndEvent d && "CANCEL".equals(d.getDialStatus())));
            assertTrue(java.util.stream.Stream.concat(ringing.stream(), events.stream())
                    .noneMatch(BridgeEnterEvent.class::isInstance), "nobody was bridged");
            assertEquals(0, sim.stats().agentBridges());
            assertEquals(1, sim.stats().unansweredAgentDials());
            assertEquals(1, sim.stats().abandonMessages());
        }
    }

    @Test
    void agentPhoneThatDoesNotAnswerEndsTheDialWithNoAnswerAndTheAbandonMessage() throws Exception {
        try (var sim = unansweringAgents(); var client = new AmiClient(sim.amiPort())) {
            var debtor = answeredChannel(client, "+15550143");
            client.connection.sendAction(new RedirectAction(debtor, "dialer-agents", "202", 1), 5000);

            var events = client.until(e -> isHangupOf(e, debtor));

            assertTrue(events.stream().anyMatch(e -> e instanceof DialEndEvent d && "NOANSWER".equals(d.getDialStatus())));
            assertEquals(1, sim.stats().abandonMessages());
            assertEquals(0, sim.stats().agentBridges());
        }
    }

    private static PbxSimulator unansweringAgents() throws Exception {
        var everyoneAnswers = new Population(new Population.Outcomes(1, 0, 0, 0, 0, 0), new Population.Range(0, 0),
                Population.defaults().personas(), Population.defaults().agentTalkSeconds(), null)
                .withAgents(List.of(new Population.AgentPersona("phone-does-not-answer", 1, false)));
        return PbxSimulator.start(SimulatorConfig.defaults(URI.create("agi://127.0.0.1:4573/r")).withAmiPort(0)
                // 0.05: the agent dial rings 1 s and the abandon message lasts 0.4 s, time for the test's Redirect.
                .withPopulation(everyoneAnswers).withTimeScale(0.05), new ScriptedAgi());
    }

    private static String answeredChannel(AmiClient client, String number) throws Exception {
        var action = new OriginateAction();
        action.setChannel("Local/" + number + "@debtors");
        action.setContext("dialer-out");
        action.setExten("s");
        action.setTimeout(30000L);
        action.setAsync(true);
        client.connection.sendAction(action, 5000);
        return originateResponse(client.until(OriginateResponseEvent.class::isInstance)).getChannel();
    }
}
