package io.duecall.pbxsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedCallsOverFastAgiTest {
    private PlainAgiServer agiServer;
    private PbxSimulator sim;
    private AmiClient ami;

    private void start(List<String> agiCommands) throws Exception {
        agiServer = new PlainAgiServer(agiCommands);
        var url = URI.create("agi://127.0.0.1:" + agiServer.port() + "/reminder");
        var population = Population.defaults().withFixed("101", Outcome.ANSWERED, "1@0.5");
        sim = PbxSimulator.start(SimulatorConfig.defaults(url).withAmiPort(0).withPopulation(population)
                .withTimeScale(0.001));
        ami = new AmiClient(sim.amiPort());
    }

    @AfterEach
    void stop() throws Exception {
        ami.close();
        sim.close();
        agiServer.close();
    }

    private String originateAnswered() throws Exception {
        var action = new OriginateAction();
        action.setChannel("Local/101@debtors");
        action.setContext("dialer-out");
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(30000L);
        action.setAsync(true);
        action.setVariables(Map.of("CALL_ID", "c-101"));
        ami.connection.sendAction(action, 5000);
        var answer = (OriginateResponseEvent) ami.until(OriginateResponseEvent.class::isInstance).getLast();
        assertEquals(4, answer.getReason());
        return answer.getChannel();
    }

    private static boolean isHangupOf(ManagerEvent e, String channelSuffix) {
        return e instanceof HangupEvent h && h.getChannel().endsWith(channelSuffix);
    }

    @Test
    void answeredDebtorPressesOneDuringThePromptAndTheCallEndsWhenTheScriptHangsUp() throws Exception {
        start(List.of("ANSWER", "STREAM FILE reminder \"0123456789#\"", "HANGUP"));
        originateAnswered();

        var replies = agiServer.replies.get(5, TimeUnit.SECONDS);
        var hangups = ami.until(e -> isHangupOf(e, "debtors-00000001;2"));

        var env = agiServer.environment.get(5, TimeUnit.SECONDS);
        assertTrue(env.contains("agi_network_script: reminder"), env.toString());
        assertTrue(env.contains("agi_arg_1: c-101"), env.toString());
        assertTrue(replies.get(1).startsWith("200 result=49"), replies.toString());
        assertEquals(0, ((HangupEvent) hangups.getLast()).getCause());
        assertEquals(1, sim.stats().agiSessions());
    }

    @Test
    void redirectToAnAgentEndsTheAgiBridgesTheCallThenHangsUpEveryLeg() throws Exception {
        start(List.of("ANSWER"));
        var channel = originateAnswered();
        agiServer.replies.get(5, TimeUnit.SECONDS);

        var response = ami.connection.sendAction(new RedirectAction(channel, "dialer-agents", "201", 1), 5000);

        assertEquals("Redirect successful", response.getMessage());
        assertTrue(agiServer.afterCommands.get(5, TimeUnit.SECONDS).contains("HANGUP"));
        var events = ami.until(e -> isHangupOf(e, "debtors-00000001;2"));
        var names = AmiClient.names(events);
        var entered = events.stream().filter(BridgeEnterEvent.class::isInstance)
                .map(e -> ((BridgeEnterEvent) e).getChannel()).toList();
        // The agent's leg enters first, then the debtor's (reference case 7a).
        assertEquals(List.of("Local/201@agents-00000002;1", channel), entered);
        assertTrue(names.indexOf("BridgeLeave") > names.lastIndexOf("BridgeEnter"), names.toString());
        assertEquals(4, events.stream().filter(HangupEvent.class::isInstance).count(), names.toString());
        assertEquals(1, sim.stats().agentBridges());
        assertEquals(1, sim.stats().redirects());
    }

    @Test
    void redirectOfUnknownChannelIsAnError() throws Exception {
        start(List.of());

        var response = ami.connection.sendAction(
                new RedirectAction("Local/7@debtors-000000ff;1", "dialer-agents", "201", 1), 5000);

        assertEquals("Error", response.getResponse());
        assertEquals("Channel does not exist", response.getMessage());
    }
}
