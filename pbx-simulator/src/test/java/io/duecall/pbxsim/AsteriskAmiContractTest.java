package io.duecall.pbxsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.duecall.pbxsim.ami.AmiMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds the simulator's manager interface to recordings of a real Asterisk 22.10.1: replays the client side of each
 * transcript (Login, Originate, Redirect, Logoff, and the FastAGI script's commands and close) against
 * {@link PbxSimulator} over a real AMI socket and a real FastAGI socket, and checks that the simulator answers as
 * Asterisk did: each action's response, the FastAGI lines (the HANGUP notice on a Redirect, the {@code result=-1} of
 * a command cut short), that the redirected channel moves on only once the script has closed the socket, and the
 * events.
 *
 * <p>Events are compared channel by channel: for the debtor's two Local halves and the agent's two (named by the
 * order they appear in), the sequence of their events with the fields that matter (state, context and extension of
 * the debtor's halves, the dialed channel and dial status, causes, reasons, bridge sizes). Asterisk runs the two halves
 * of a Local channel and the dialed phone on their own threads, so the order between different channels' events
 * varies from one recording to the next (7a's DialBegin comes after the agent's Ringing, 7b's before); the order of
 * one channel's events does not. Only the classes the simulator speaks are compared (call, user, agi), without
 * caller-ID updates and DeviceStateChange, which Asterisk reports from another thread at no fixed place.
 */
class AsteriskAmiContractTest {
    private static final double TIME_SCALE = 0.01;
    private static final long DEADLINE_SECONDS = 30;
    private static final Set<String> NOT_COMPARED = Set.of("NewCallerid", "NewConnectedLine", "DeviceStateChange",
            "Newexten", "VarSet");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "asterisk22-case7a-redirect-agent-answers.txt",
            "asterisk22-case7b-redirect-agent-noanswer.txt",
            "asterisk22-case7c-redirect-pjsip-not-loaded.txt",
            "asterisk22-case7c2-redirect-missing-context.txt",
            "asterisk22-case7d-redirect-during-waitfordigit.txt",
            "asterisk22-case7e-redirect-agi-slow-close.txt"})
    void aRedirectToAnAgentGoesAsOnAsterisk(String name) throws Exception {
        var recorded = AmiTranscript.read(name);
        var redirect = recorded.sent().stream().filter(m -> m.get("Action").equals("Redirect")).findFirst()
                .orElseThrow();
        var agentExten = redirect.get("Exten");
        var phoneAnswers = !name.contains("noanswer");
        var population = new Population(new Population.Outcomes(1, 0, 0, 0, 0, 0), new Population.Range(0, 0),
                List.of(new Population.Persona("listens", 1, "")), new Population.LogNormal(5, 0), Map.of(),
                List.of(new Population.AgentPersona("agent", 1, phoneAnswers, 1.0)));
        try (var agi = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            var originate = recorded.sent().stream().filter(m -> m.get("Action").equals("Originate")).findFirst()
                    .orElseThrow();
            var config = new SimulatorConfig("127.0.0.1", 0, "dialer", "secret",
                    Map.of(originate.get("Context"), URI.create("agi://127.0.0.1:" + agi.getLocalPort() + "/case")),
                    Set.of(), redirect.get("Context"), List.of("101", "901"), population, TIME_SCALE, 7L, "",
                    PbxLatency.RECORDED);
            try (var sim = PbxSimulator.start(config); var ami = new RawAmi(sim.amiPort())) {
                if (name.contains("pjsip-not-loaded")) {
                    sim.unloadModule("chan_pjsip.so");
                }
                replay(recorded, agi, ami, agentExten);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"answered", "busy", "no answer", "congestion", "no such extension"})
    void anOriginateEndsAsOnAsterisk(String outcome) throws Exception {
        var recorded = AmiTranscript.readCase("asterisk22-ami-originate-outcomes.txt", outcome);
        var originate = recorded.sent().stream().filter(m -> m.get("Action").equals("Originate")).findFirst()
                .orElseThrow();
        var number = originate.get("Channel").replaceAll("^Local/([0-9]+)@.*$", "$1");
        var fixed = switch (outcome) {
            case "answered" -> Outcome.ANSWERED;
            case "busy" -> Outcome.BUSY;
            case "no answer" -> Outcome.NO_ANSWER;
            case "congestion" -> Outcome.CONGESTION;
            default -> Outcome.FAILED;
        };
        var population = new Population(new Population.Outcomes(1, 0, 0, 0, 0, 0), new Population.Range(0, 0),
                List.of(new Population.Persona("listens", 1, "")), new Population.LogNormal(5, 0),
                Map.of(number, new Population.Fixed(fixed, "")));
        try (var agi = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            var config = new SimulatorConfig("127.0.0.1", 0, "dialer", "secret",
                    Map.of(originate.get("Context"), URI.create("agi://127.0.0.1:" + agi.getLocalPort() + "/case")),
                    Set.of(), "dialer-agents", List.of("101"), population, TIME_SCALE, 7L, "", PbxLatency.RECORDED);
            try (var sim = PbxSimulator.start(config); var ami = new RawAmi(sim.amiPort())) {
                // The recording's answered call runs an AGI that hangs up at once; this one closes at once instead.
                Thread.ofVirtual().start(() -> closeEachSession(agi));
                ami.send(recorded.sent().getFirst().fields());
                checkResponse(recorded.received().getFirst(), ami.response());
                ami.send(originate.fields());
                var hangups = count(recorded.received(), m -> m.isEvent("Hangup"));
                ami.awaitEvents(m -> m.get("Event").equals("Hangup"), hangups);
                compareEvents(recorded, ami.events());
            }
        }
    }

    private static void closeEachSession(ServerSocket agi) {
        while (!agi.isClosed()) {
            try (var s = agi.accept()) {
                var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // the environment
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Plays the client's side of the recording in order and checks Asterisk's side as it comes. */
    private static void replay(AmiTranscript recorded, ServerSocket agiServer, RawAmi ami, String agentExten)
            throws Exception {
        Socket agi = null;
        BufferedReader agiIn = null;
        OutputStream agiOut = null;
        var responses = recorded.received().stream().filter(m -> m.fields().containsKey("Response")
                && !m.fields().containsKey("Event")).iterator();
        long previousAt = 0;
        try {
            for (var step : recorded.steps()) {
                switch (step) {
                    case AmiTranscript.Message m when m.sent() -> {
                        var fields = new LinkedHashMap<>(m.fields());
                        if (m.get("Action").equals("Redirect")) {
                            // Asterisk's channel names carry its own sequence numbers; the simulator's debtor leg is
                            // the one its AGI session runs on.
                            fields.put("Channel", ami.firstChannel());
                            if (recorded.received().stream().anyMatch(e -> e.isEvent("AGIExecStart"))) {
                                ami.awaitEvents(e -> e.get("Event").equals("AGIExecStart"), 1);
                            }
                        }
                        if (m.get("Action").equals("Logoff")) {
                            ami.awaitEvents(e -> e.get("Event").equals("Hangup"),
                                    count(recorded.received(), e -> e.isEvent("Hangup")));
                        }
                        ami.send(fields);
                        checkResponse(responses.next(), ami.response());
                    }
                    case AmiTranscript.AgiConnected c -> {
                        agiServer.setSoTimeout((int) TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
                        agi = agiServer.accept();
                        agi.setSoTimeout((int) TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
                        agiIn = new BufferedReader(new InputStreamReader(agi.getInputStream(),
                                StandardCharsets.US_ASCII));
                        agiOut = agi.getOutputStream();
                        for (var line = agiIn.readLine(); line != null && !line.isEmpty(); line = agiIn.readLine()) {
                            // the agi_* environment; AsteriskTranscriptContractTest checks it
                        }
                    }
                    case AmiTranscript.AgiLine line when !line.fromAsterisk() -> {
                        agiOut.write((line.line() + "\n").getBytes(StandardCharsets.US_ASCII));
                        agiOut.flush();
                    }
                    case AmiTranscript.AgiLine line -> {
                        var got = agiIn.readLine();
                        assertEquals(line.line(), got, recorded.name() + " +" + line.at() + ": FastAGI line");
                    }
                    case AmiTranscript.AgiClosed closed -> {
                        if (closed.at() - previousAt > 1_000) {
                            // 7e: the script keeps the socket open after HANGUP; the channel must stay put meanwhile.
                            var early = ami.awaitEventsFor(e -> e.get("Event").equals("Newchannel")
                                    && e.get("Channel").contains(agentExten + "@"), 300);
                            assertTrue(early.isEmpty(), recorded.name() + ": the agent was dialed before the "
                                    + "FastAGI socket was closed: " + early);
                        }
                        agi.close();
                    }
                    default -> {
                        // Asterisk's events are read as they come and compared at the end.
                    }
                }
                previousAt = switch (step) {
                    case AmiTranscript.Message m -> m.sent() ? m.at() : previousAt;
                    case AmiTranscript.AgiLine l -> l.at();
                    case AmiTranscript.AgiConnected c -> c.at();
                    case AmiTranscript.AgiClosed c -> c.at();
                };
            }
        } finally {
            if (agi != null) {
                agi.close();
            }
        }
        compareEvents(recorded, ami.events());
    }

    private static void checkResponse(AmiTranscript.Message expected, AmiMessage actual) {
        assertEquals(expected.get("Response"), actual.getOr("Response", ""), "Response to " + expected);
        assertEquals(expected.get("ActionID"), actual.getOr("ActionID", ""), "ActionID of " + expected);
        assertEquals(expected.get("Message"), actual.getOr("Message", ""), "Message of " + expected);
    }

    private static long count(List<AmiTranscript.Message> messages, Predicate<AmiTranscript.Message> which) {
        return messages.stream().filter(which).count();
    }

    /** Both sides' events, channel by channel, as lines of the fields that matter. */
    private static void compareEvents(AmiTranscript recorded, List<Map<String, String>> simulated) {
        var expected = byChannel(recorded.received().stream().map(AmiTranscript.Message::fields)
                .filter(m -> m.containsKey("Event")).toList());
        var actual = byChannel(simulated);
        assertEquals(expected.keySet(), actual.keySet(), recorded.name() + ": the channels");
        for (var role : expected.keySet()) {
            assertEquals(String.join("\n", expected.get(role)), String.join("\n", actual.get(role)),
                    recorded.name() + ": the events of " + role);
        }
    }

    private static Map<String, List<String>> byChannel(List<Map<String, String>> events) {
        var roles = new LinkedHashMap<String, String>();
        var names = List.of("debtor;1", "debtor;2", "agent;1", "agent;2");
        for (var e : events) {
            if ("Newchannel".equals(e.get("Event")) && roles.size() < names.size()) {
                roles.putIfAbsent(e.get("Channel"), names.get(roles.size()));
            }
        }
        var out = new LinkedHashMap<String, List<String>>();
        for (var e : events) {
            var event = e.get("Event");
            var privilege = e.getOrDefault("Privilege", "");
            if (NOT_COMPARED.contains(event) || !(privilege.startsWith("call") || privilege.startsWith("user")
                    || privilege.startsWith("agi"))) {
                continue;
            }
            var channel = e.containsKey("Channel") ? e.get("Channel")
                    : e.containsKey("LocalOneChannel") ? e.get("LocalOneChannel") : e.get("DestChannel");
            var role = event.equals("OriginateResponse") ? "the originate"
                    : event.startsWith("Bridge") && channel == null ? "the bridge"
                    : channel == null && e.containsKey("DestChannel") ? roles.getOrDefault(e.get("DestChannel"), "?")
                    : roles.getOrDefault(channel, "the dial string");
            var line = new StringBuilder(event);
            if (e.containsKey("ChannelStateDesc")) {
                line.append(" ").append(e.get("ChannelStateDesc"));
            }
            if (role.startsWith("debtor") || event.equals("OriginateResponse")) {
                line.append(" ").append(e.getOrDefault("Context", "")).append(",").append(e.getOrDefault("Exten", ""));
            }
            if (e.containsKey("DestChannel")) {
                line.append(" dest=").append(roles.getOrDefault(e.get("DestChannel"), "?"));
                if (!event.equals("DialBegin")) {
                    line.append(" ").append(e.get("DestChannelStateDesc"));
                }
            }
            if (event.equals("OriginateResponse")) {
                line.append(" ActionID=").append(e.getOrDefault("ActionID", ""));
                line.append(" channel=").append(roles.getOrDefault(e.get("Channel"), "the dial string"));
            }
            for (var field : List.of("DialStatus", "Cause", "Cause-txt", "Response", "Reason", "BridgeNumChannels",
                    "UserEvent", "Command", "ResultCode", "Result")) {
                if (e.containsKey(field)) {
                    line.append(" ").append(field).append("=").append(e.get(field));
                }
            }
            out.computeIfAbsent(role, r -> new ArrayList<>()).add(line.toString());
        }
        return out;
    }

    /** A manager connection that writes actions as given and reads every message, as a plain TCP client would. */
    private static final class RawAmi implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final LinkedBlockingQueue<Map<String, String>> responses = new LinkedBlockingQueue<>();
        private final LinkedBlockingQueue<Map<String, String>> incoming = new LinkedBlockingQueue<>();
        private final List<Map<String, String>> events = new ArrayList<>();

        RawAmi(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            out = socket.getOutputStream();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            var banner = in.readLine();
            assertEquals("Asterisk Call Manager/11.0.0", banner, "the banner");
            Thread.ofVirtual().start(() -> read(in));
        }

        private void read(BufferedReader in) {
            try {
                var fields = new LinkedHashMap<String, String>();
                for (var line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isEmpty()) {
                        if (!fields.isEmpty()) {
                            (fields.containsKey("Event") ? incoming : responses).add(fields);
                        }
                        fields = new LinkedHashMap<>();
                        continue;
                    }
                    var colon = line.indexOf(':');
                    if (colon > 0) {
                        fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
                    }
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        }

        void send(Map<String, String> fields) throws IOException {
            var text = new StringBuilder();
            fields.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
            out.write(text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        AmiMessage response() throws InterruptedException {
            var r = responses.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
            if (r == null) {
                fail("no response within " + DEADLINE_SECONDS + " s");
            }
            var b = AmiMessage.builder();
            r.forEach(b::add);
            return b.build();
        }

        /** The debtor's first channel, from the first Newchannel. */
        String firstChannel() throws InterruptedException {
            awaitEvents(e -> e.get("Event").equals("Newchannel"), 1);
            return events.stream().filter(e -> e.get("Event").equals("Newchannel")).findFirst().orElseThrow()
                    .get("Channel");
        }

        /** Reads events until {@code n} of those matching have been seen in all, failing after the deadline. */
        void awaitEvents(Predicate<Map<String, String>> which, long n) throws InterruptedException {
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            while (events.stream().filter(which).count() < n) {
                var e = incoming.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e == null) {
                    fail("events not seen within " + DEADLINE_SECONDS + " s; got " + events.stream()
                            .map(m -> m.get("Event")).toList());
                }
                events.add(e);
            }
        }

        /** The events matching that arrive within {@code millis}: those that must not come. */
        List<Map<String, String>> awaitEventsFor(Predicate<Map<String, String>> which, long millis)
                throws InterruptedException {
            var deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            var seen = new ArrayList<Map<String, String>>();
            events.stream().filter(which).forEach(seen::add);
            while (System.nanoTime() < deadline) {
                var e = incoming.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e != null) {
                    events.add(e);
                    if (which.test(e)) {
                        seen.add(e);
                    }
                }
            }
            return seen;
        }

        List<Map<String, String>> events() {
            incoming.drainTo(events);
            return events;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
