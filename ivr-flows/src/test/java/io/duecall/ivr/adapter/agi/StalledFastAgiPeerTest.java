package io.duecall.ivr.adapter.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.campaign.CampaignMode;
import io.duecall.ivr.flow.InMemoryCallSessions;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.ivr.flow.TestCalls;
import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import io.duecall.pbxsim.agi.CallerScript;
import io.duecall.pbxsim.agi.FastAgiCaller;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Peers that connect to the IVR's FastAGI server and then fall silent, over raw loopback sockets. */
class StalledFastAgiPeerTest {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    private final InMemoryCallSessions sessions = new InMemoryCallSessions(new CopyOnWriteArrayList<>());
    private IvrServer server;

    @BeforeEach
    void startServer() {
        sessions.add(TestCalls.call(CampaignMode.IVR_REMINDER, 10));
        var script = new ReminderAgiScript(sessions, new ReminderFlow(sessions, Duration.ofSeconds(5)));
        server = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0, READ_TIMEOUT), script);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void aPeerThatSendsNothingIsDisconnectedAfterTheReadTimeout() throws Exception {
        try (var silent = connect()) {

            var read = silent.getInputStream().read();

            assertEquals(-1, read, "the server closed the connection");
            assertEquals(List.of(), sessions.finished());
        }
    }

    @Test
    void aPeerThatStopsAnsweringMidSessionEndsItsCallAsALostSession() throws Exception {
        try (var stalled = connect()) {
            stalled.getOutputStream().write(environment(TestCalls.CALL_ID).getBytes(StandardCharsets.US_ASCII));
            var commands = new BufferedReader(new InputStreamReader(stalled.getInputStream(), StandardCharsets.US_ASCII));
            var first = commands.readLine();

            var verdict = sessions.awaitFirstVerdict();

            assertTrue(first != null && !first.isBlank(), "the flow sent its first command: " + first);
            assertEquals(TestCalls.CALL_ID + ":HUNG_UP", verdict);
            assertTrue(closedAfterAFewLines(commands), "the server closed the connection");
        }
    }

    @Test
    void aStalledPeerDoesNotHoldUpACallRunningBesideIt() throws Exception {
        try (var stalled = connect()) {
            stalled.getOutputStream().write("agi_network: yes\nagi_request: agi://127.0.0.1/reminder\nagi_chan"
                    .getBytes(StandardCharsets.US_ASCII));

            var transcript = call("1 1 1");

            assertEquals(TestCalls.CALL_ID + ":PROMISE_TO_PAY", sessions.awaitFirstVerdict());
            assertEquals(AgiTranscript.End.SCRIPT_HANGUP, transcript.end());
            assertEquals(-1, stalled.getInputStream().read(), "the stalled peer was disconnected in the end");
            assertFalse(sessions.finished().size() > 1, "only the real call has a verdict: " + sessions.finished());
        }
    }

    /** asterisk-java sets AJ_AGISTATUS as a session ends, so a line or two may come before the close. */
    private static boolean closedAfterAFewLines(BufferedReader commands) throws Exception {
        for (int i = 0; i < 5; i++) {
            if (commands.readLine() == null) {
                return true;
            }
        }
        return false;
    }

    private Socket connect() throws Exception {
        var socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        // Bounds the test should the server never close the connection.
        socket.setSoTimeout(5_000);
        return socket;
    }

    private AgiTranscript call(String callerScript) throws Exception {
        var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.port() + "/" + IvrServer.SCRIPT),
                "Local/4155550123@debtors-00000001;1", "1795330254.27", "dialer-out", List.of(TestCalls.CALL_ID),
                Map.of("AMDSTATUS", "HUMAN"), CallerScript.parse(callerScript), 0.001);
        try (var caller = new FastAgiCaller(spec)) {
            return caller.run();
        }
    }

    private static String environment(String callId) {
        return "agi_network: yes\n"
                + "agi_network_script: " + IvrServer.SCRIPT + "\n"
                + "agi_request: agi://127.0.0.1/" + IvrServer.SCRIPT + "\n"
                + "agi_channel: Local/4155550123@debtors-00000001;1\n"
                + "agi_uniqueid: 1795330254.28\n"
                + "agi_version: 22.10.1\n"
                + "agi_context: dialer-out\n"
                + "agi_extension: s\n"
                + "agi_priority: 2\n"
                + "agi_arg_1: " + callId + "\n"
                + "\n";
    }
}
