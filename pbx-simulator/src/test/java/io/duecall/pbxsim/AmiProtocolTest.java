package io.duecall.pbxsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.ShowDialplanAction;
import org.asteriskjava.manager.event.ListDialplanEvent;
import org.asteriskjava.manager.event.ShowDialplanCompleteEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmiProtocolTest {
    private PbxSimulator sim;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    @BeforeEach
    void start() throws Exception {
        sim = PbxSimulator.start(SimulatorConfig.defaults(URI.create("agi://127.0.0.1:4573/x")).withAmiPort(0),
                new ScriptedAgi());
        socket = new Socket("127.0.0.1", sim.amiPort());
        socket.setSoTimeout(5000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    @AfterEach
    void stop() throws Exception {
        socket.close();
        sim.close();
    }

    private void send(String text) throws Exception {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Map<String, String> readPacket() throws Exception {
        var packet = new LinkedHashMap<String, String>();
        for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            var colon = line.indexOf(':');
            packet.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return packet;
    }

    private void login() throws Exception {
        assertEquals("Asterisk Call Manager/11.0.0", in.readLine());
        send("Action: Login\r\nActionID: L1\r\nUsername: dialer\r\nSecret: secret\r\nEvents: off\r\n\r\n");
        assertEquals("Authentication accepted", readPacket().get("Message"));
    }

    @Test
    void plainLoginIsAcceptedAndAnsweredInReferenceFieldOrder() throws Exception {
        assertEquals("Asterisk Call Manager/11.0.0", in.readLine());

        send("Action: Login\r\nActionID: L1\r\nUsername: dialer\r\nSecret: secret\r\nEvents: call,user,agent\r\n\r\n");

        assertEquals(Map.of("Response", "Success", "ActionID", "L1", "Message", "Authentication accepted"),
                readPacket());
    }

    @Test
    void wrongSecretIsRejected() throws Exception {
        in.readLine();

        send("Action: Login\r\nUsername: dialer\r\nSecret: guess\r\n\r\n");

        assertEquals(Map.of("Response", "Error", "Message", "Authentication failed"), readPacket());
    }

    @Test
    void unknownActionGetsInvalidUnknownCommand() throws Exception {
        login();

        send("Action: FlyToTheMoon\r\nActionID: x1\r\n\r\n");

        assertEquals(Map.of("Response", "Error", "ActionID", "x1", "Message", "Invalid/unknown command"),
                readPacket());
    }

    @Test
    void packetWithoutActionGetsAnErrorAndTheConnectionStaysUsable() throws Exception {
        login();

        send("ActionID: x2\r\nFoo: bar\r\n\r\nthis is not a header\r\n\r\nAction: Ping\r\nActionID: p\r\n\r\n");

        assertEquals("Missing action in request", readPacket().get("Message"));
        assertTrue(readPacket().get("Message").startsWith("Malformed request"));
        assertEquals("Pong", readPacket().get("Ping"));
    }

    @Test
    void oversizedLineGetsAnErrorAndTheConnectionStaysUsable() throws Exception {
        login();

        send("Action: Ping\r\nX: " + "a".repeat(20_000) + "\r\n\r\nAction: Ping\r\nActionID: p2\r\n\r\n");

        var first = readPacket();
        assertEquals("Error", first.get("Response"));
        assertTrue(first.get("Message").startsWith("Line too long"), first.toString());
        var next = readPacket();
        while (!"p2".equals(next.get("ActionID"))) {
            next = readPacket();
        }
        assertEquals("Pong", next.get("Ping"));
    }

    @Test
    void actionsBeforeLoginArePermissionDenied() throws Exception {
        in.readLine();

        send("Action: Originate\r\nChannel: Local/1@debtors\r\nContext: dialer-out\r\n\r\n");

        assertEquals("Permission denied", readPacket().get("Message"));
    }

    @Test
    void asteriskJavaDetectsAsterisk22AndCanPingAndRunCoreShowVersion() throws Exception {
        try (var client = new AmiClient(sim.amiPort())) {
            var version = client.connection.getVersion();
            var ping = client.connection.sendAction(new PingAction(), 5000);
            var show = client.connection.sendAction(new CommandAction("core show version"), 5000);

            assertEquals("Asterisk 22", version.toString());
            assertEquals("Success", ping.getResponse());
            assertTrue(((CommandResponse) show).getResult().getFirst().startsWith("Asterisk 22."));
        }
    }

    @Test
    void showDialPlanListsTheSimulatedContextsAsAsterisk22Does() throws Exception {
        try (var client = new AmiClient(sim.amiPort())) {
            var answer = client.connection.sendEventGeneratingAction(new ShowDialplanAction(), 5000);

            var contexts = new TreeSet<String>();
            answer.getEvents().stream().filter(ListDialplanEvent.class::isInstance)
                    .forEach(e -> contexts.add(((ListDialplanEvent) e).getContext()));
            assertEquals("Success", answer.getResponse().getResponse());
            assertEquals(new TreeSet<>(List.of("dialer-abandon", "dialer-agents", "dialer-doctor", "dialer-out",
                    "dialer-out-amd")), contexts);
            var complete = (ShowDialplanCompleteEvent) answer.getEvents().stream()
                    .filter(ShowDialplanCompleteEvent.class::isInstance).findFirst().orElseThrow();
            assertEquals(5, complete.getListContexts());
            assertEquals(answer.getEvents().size() - 1, complete.getListItems());
        }
    }

    @Test
    void showDialPlanOfOneContextListsItsPrioritiesOnTheWire() throws Exception {
        login();

        send("Action: ShowDialPlan\r\nActionID: d1\r\nContext: dialer-out-amd\r\n\r\n");

        assertEquals(Map.of("Response", "Success", "ActionID", "d1", "EventList", "start",
                "Message", "DialPlan list will follow"), readPacket());
        var apps = new java.util.ArrayList<String>();
        var packet = readPacket();
        while ("ListDialplan".equals(packet.get("Event"))) {
            assertEquals("dialer-out-amd", packet.get("Context"));
            assertEquals("pbx_config", packet.get("Registrar"));
            apps.add(packet.get("Application"));
            packet = readPacket();
        }
        assertEquals(List.of("NoOp", "Set", "AMD", "UserEvent", "AGI", "Hangup"), apps);
        assertEquals("ShowDialPlanComplete", packet.get("Event"));
        assertEquals("Complete", packet.get("EventList"));
        assertEquals("6", packet.get("ListItems"));
        assertEquals("1", packet.get("ListContexts"));
    }

    @Test
    void showDialPlanOfAMissingContextIsAnErrorNamingIt() throws Exception {
        login();

        send("Action: ShowDialPlan\r\nActionID: d2\r\nContext: dialer-nowhere\r\n\r\n");

        assertEquals(Map.of("Response", "Error", "ActionID", "d2", "Message", "Did not find context dialer-nowhere"),
                readPacket());
    }
}
