package io.duecall.ivr.adapter.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.campaign.CampaignMode;
import io.duecall.ivr.flow.InMemoryCallSessions;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.ivr.flow.TestCalls;
import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import io.duecall.pbxsim.agi.CallerScript;
import io.duecall.pbxsim.agi.FastAgiCaller;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The FastAGI server takes sessions only from the PBX addresses of {@code agi.allowFrom}. */
class FastAgiAllowFromTest {
    private final InMemoryCallSessions sessions = new InMemoryCallSessions(new CopyOnWriteArrayList<>());
    private IvrServer server;

    @AfterEach
    void stopServer() {
        server.stop();
    }

    // Issue 18: a FastAGI server on every interface took sessions from any host.
    @Test
    void aPeerNotInTheAllowListIsClosedBeforeItsRequestIsRead() throws Exception {
        start("192.0.2.10");

        try (var peer = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            peer.setSoTimeout(10_000);
            peer.getOutputStream().write(environment().getBytes(StandardCharsets.US_ASCII));

            var read = peer.getInputStream().read();

            assertEquals(-1, read, "the server closed the connection without a word");
        }
        assertEquals(List.of(), sessions.finished());
    }

    @Test
    void aPeerInTheAllowListIsServed() throws Exception {
        start("10.0.0.0/8", "127.0.0.1");

        var transcript = call("1 1 1");

        assertEquals(TestCalls.CALL_ID + ":PROMISE_TO_PAY", sessions.awaitFirstVerdict());
        assertEquals(AgiTranscript.End.SCRIPT_HANGUP, transcript.end());
    }

    private void start(String... allowFrom) {
        sessions.add(TestCalls.call(CampaignMode.IVR_REMINDER, 10));
        var errors = new ArrayList<String>();
        var allowList = PeerAllowList.parse("agi.allowFrom", List.of(allowFrom), errors);
        assertTrue(errors.isEmpty(), errors.toString());
        var script = new ReminderAgiScript(sessions, new ReminderFlow(sessions, Duration.ofSeconds(5)));
        server = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0,
                IvrServerConfig.DEFAULT_READ_TIMEOUT, allowList, AgiLimits.defaults()), script);
        server.start();
    }

    private AgiTranscript call(String callerScript) throws Exception {
        var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.port() + "/" + IvrServer.SCRIPT),
                "Local/4155550123@debtors-00000001;1", "1795330254.27", "dialer-out", List.of(TestCalls.CALL_ID),
                Map.of("AMDSTATUS", "HUMAN"), CallerScript.parse(callerScript), 0.001);
        try (var caller = new FastAgiCaller(spec)) {
            return caller.run();
        }
    }

    private static String environment() {
        return "agi_network: yes\nagi_network_script: reminder\nagi_request: agi://127.0.0.1/reminder\n"
                + "agi_channel: Local/4155550123@debtors-00000001;1\nagi_arg_1: " + TestCalls.CALL_ID + "\n\n";
    }
}
