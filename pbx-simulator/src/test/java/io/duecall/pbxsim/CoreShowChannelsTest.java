package io.duecall.pbxsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CoreShowChannels as Asterisk 22 answers it, on the wire and through asterisk-java's event-generating action. */
class CoreShowChannelsTest {
    private final ScriptedAgi agi = new ScriptedAgi();
    private PbxSimulator sim;
    private AmiClient ami;

    @BeforeEach
    void start() throws Exception {
        var answering = Population.defaults().withFixed("101", Outcome.ANSWERED, "").withFixed("102", Outcome.ANSWERED, "");
        // Agents talk for a very long time, so a bridged call stays up while it is listed.
        var population = new Population(answering.outcomes(), answering.ringSeconds(), answering.personas(),
                new Population.LogNormal(1_000_000, 1), answering.fixed());
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

    private OriginateResponseEvent originateAnswered(String number, String channelId) throws Exception {
        var action = new OriginateAction();
        action.setChannel("Local/" + number + "@debtors");
        action.setContext("dialer-out");
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(6000L);
        action.setAsync(true);
        action.setVariables(Map.of("CALL_ID", "c-" + number));
        action.setActionId("o-" + number);
        action.setChannelId(channelId);
        assertEquals("Originate successfully queued", ami.connection.sendAction(action, 5000).getMessage());
        var events = ami.until(e -> e instanceof OriginateResponseEvent);
        agi.calls.poll(5, TimeUnit.SECONDS);
        return (OriginateResponseEvent) events.getLast();
    }

    @Test
    void originateChannelIdBecomesTheUniqueidOfBothLegs() throws Exception {
        var response = originateAnswered("101", "dc-c-101");

        var listed = ami.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 5000).getEvents().stream()
                .filter(CoreShowChannelEvent.class::isInstance).map(CoreShowChannelEvent.class::cast).toList();

        assertEquals("dc-c-101", response.getUniqueId());
        assertEquals(List.of("dc-c-101", "dc-c-101;2"), listed.stream().map(CoreShowChannelEvent::getUniqueid).toList());
        assertTrue(listed.stream().allMatch(e -> "dc-c-101".equals(e.getLinkedid())));
    }

    @Test
    void asteriskJavaParsesEveryLiveChannelAndTheCompleteEvent() throws Exception {
        var first = originateAnswered("101", null);
        originateAnswered("102", null);
        ami.connection.sendAction(new RedirectAction(first.getChannel(), "dialer-agents", "201", 1), 5000);
        ami.until(e -> e instanceof BridgeEnterEvent b && b.getChannel().startsWith("Local/201@agents-"));

        var answer = ami.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 5000);

        assertEquals("Success", answer.getResponse().getResponse());
        var complete = assertInstanceOf(CoreShowChannelsCompleteEvent.class, List.copyOf(answer.getEvents()).getLast());
        var channels = answer.getEvents().stream().filter(CoreShowChannelEvent.class::isInstance)
                .map(CoreShowChannelEvent.class::cast).toList();
        assertEquals(6, channels.size(), channels.toString());
        assertEquals(6, complete.getListitems());
        var debtor = channels.stream().filter(c -> c.getChannel().equals(first.getChannel())).findFirst().orElseThrow();
        var agentLeg = channels.stream().filter(c -> c.getChannel().startsWith("Local/201@agents-")
                && c.getChannel().endsWith(";1")).findFirst().orElseThrow();
        assertEquals(first.getUniqueId(), debtor.getUniqueid());
        assertEquals("Up", debtor.getChannelStateDesc());
        assertEquals(6, debtor.getChannelState());
        assertEquals("Dial", debtor.getApplication());
        assertFalse(debtor.getBridgeid().isEmpty());
        assertEquals(debtor.getBridgeid(), agentLeg.getBridgeid());
        assertEquals("AppDial", agentLeg.getApplication());
        assertTrue(debtor.getDuration().matches("\\d{2}:\\d{2}:\\d{2}"), debtor.getDuration());
        var other = channels.stream().filter(c -> c.getChannel().startsWith("Local/102@debtors-")
                && c.getChannel().endsWith(";1")).findFirst().orElseThrow();
        assertEquals("AGI", other.getApplication());
        assertEquals("", other.getBridgeid() == null ? "" : other.getBridgeid());
    }

    @Test
    void listOnTheWireCarriesTheActionIdOnEveryPacketAndCountsTheItems() throws Exception {
        originateAnswered("101", "dc-wire");
        try (var socket = new Socket("127.0.0.1", sim.amiPort())) {
            socket.setSoTimeout(5000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            var out = socket.getOutputStream();
            in.readLine();
            out.write(("Action: Login\r\nActionID: L1\r\nUsername: dialer\r\nSecret: secret\r\nEvents: off\r\n\r\n"
                    + "Action: CoreShowChannels\r\nActionID: csc-1\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            readPacket(in);

            var ack = readPacket(in);
            var firstChannel = readPacket(in);
            var secondChannel = readPacket(in);
            var complete = readPacket(in);

            assertEquals(Map.of("Response", "Success", "ActionID", "csc-1", "EventList", "start",
                    "Message", "Channels will follow"), ack);
            assertEquals(List.of("Event", "ActionID", "Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum",
                    "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context",
                    "Exten", "Priority", "Uniqueid", "Linkedid", "Application", "ApplicationData", "Duration",
                    "BridgeId"), List.copyOf(firstChannel.keySet()));
            assertEquals("csc-1", secondChannel.get("ActionID"));
            assertEquals("dc-wire", firstChannel.get("Uniqueid"));
            assertEquals(Map.of("Event", "CoreShowChannelsComplete", "ActionID", "csc-1", "EventList", "Complete",
                    "ListItems", "2"), complete);
        }
    }

    @Test
    void channelIdAlreadyInUseIsRefused() throws Exception {
        originateAnswered("101", "dc-twice");
        var again = new OriginateAction();
        again.setChannel("Local/102@debtors");
        again.setContext("dialer-out");
        again.setExten("s");
        again.setAsync(true);
        again.setChannelId("dc-twice");

        var response = ami.connection.sendAction(again, 5000);

        assertEquals("Error", response.getResponse());
        assertEquals("Uniqueid already in use", response.getMessage());
    }

    private static Map<String, String> readPacket(BufferedReader in) throws Exception {
        var packet = new LinkedHashMap<String, String>();
        for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            var colon = line.indexOf(':');
            packet.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return packet;
    }
}
