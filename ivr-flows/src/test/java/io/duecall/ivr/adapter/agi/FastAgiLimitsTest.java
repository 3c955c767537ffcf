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
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits a FastAGI peer meets: line and environment sizes, one deadline for the environment, a session cap. */
class FastAgiLimitsTest {
    /** Long enough that only the limit under test can be what ends a connection. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    /** The test's own bound on waiting for the server to close, so that a server that never does fails the test. */
    private static final int PEER_WAIT_MILLIS = 20_000;
    private final InMemoryCallSessions sessions = new InMemoryCallSessions(new CopyOnWriteArrayList<>());
    private IvrServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    // Issue 18: one 16 MiB line cost 807 MiB; the line is cut off at agi.maxLineBytes instead of read to its end.
    @Test
    void aLineLongerThanTheLimitEndsTheConnectionThere() throws Exception {
        start(limits(10, 1024, 128, 32 * 1024, Duration.ofSeconds(30)), reminder());

        try (var log = new LogCapture(); var peer = connect()) {
            var writer = Thread.ofVirtual().start(() -> writeQuietly(peer,
                    ("agi_network: yes\nagi_request: agi://x/" + "x".repeat(4 * 1024 * 1024)).getBytes()));

            boolean closed = closedByServer(peer.getInputStream());

            writer.join();
            assertTrue(closed, "the server closed the connection");
            assertEquals(1, log.lines().stream().filter(l -> l.contains("(agi.maxLineBytes)")).count(), log.lines().toString());
            assertEquals(0, log.stackTraceLines(), log.lines().toString());
        }
    }

    // Issue 18: the read timeout applied per line, so a peer sending one header line every 30 s was never dropped.
    @Test
    void aPeerTricklingItsEnvironmentIsCutOffAtOneDeadlineForTheWhole() throws Exception {
        start(limits(10, 8192, 1000, 1024 * 1024, Duration.ofSeconds(1)), reminder());

        try (var log = new LogCapture(); var peer = connect()) {
            int sent = 0;
            boolean closed = false;
            // Each line waits for the server to close the connection, 200 ms at most, before the next is sent.
            peer.setSoTimeout(200);
            while (!closed && sent < 100) {
                writeQuietly(peer, ("agi_arg_" + sent++ + ": slow\n").getBytes(StandardCharsets.US_ASCII));
                closed = closedWithin(peer.getInputStream());
            }

            assertTrue(closed, "the server closed the connection before the peer had sent 100 lines over 20 s");
            assertTrue(sent < 100, "lines sent: " + sent);
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("within PT1S (agi.headerTimeout)")),
                    log.lines().toString());
        }
    }

    @Test
    void anEnvironmentOfMoreLinesOrBytesThanTheLimitIsRefused() throws Exception {
        start(limits(10, 1024, 20, 4096, Duration.ofSeconds(30)), reminder());
        var manyLines = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            manyLines.append("agi_arg_").append(i).append(": x\n");
        }
        var manyBytes = ("agi_arg_1: " + "y".repeat(1000) + "\n").repeat(5);

        try (var log = new LogCapture(); var lines = connect(); var bytes = connect()) {
            writeQuietly(lines, manyLines.toString().getBytes(StandardCharsets.US_ASCII));
            writeQuietly(bytes, manyBytes.getBytes(StandardCharsets.US_ASCII));

            assertTrue(closedByServer(lines.getInputStream()), "too many lines: closed");
            assertTrue(closedByServer(bytes.getInputStream()), "too many bytes: closed");
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("more than 20 lines (agi.maxHeaderLines)")),
                    log.lines().toString());
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("more than 4096 bytes (agi.maxHeaderBytes)")),
                    log.lines().toString());
        }
        assertEquals(List.of(), sessions.finished());
    }

    @Test
    void connectionsBeyondTheSessionLimitAreClosedAtOnceAndTheLogSaysSoOnce() throws Exception {
        sessions.add(TestCalls.call(CampaignMode.IVR_REMINDER, 10));
        start(limits(2, 8192, 128, 32 * 1024, Duration.ofSeconds(60)), reminder());

        try (var log = new LogCapture(); var first = connect(); var second = connect()) {
            for (var held : List.of(first, second)) {
                writeQuietly(held, "agi_network: yes\n".getBytes(StandardCharsets.US_ASCII));
            }
            awaitConnectionsOpen(2);
            try (var third = connect(); var fourth = connect()) {

                assertTrue(closedByServer(third.getInputStream()), "third connection closed at once");
                assertTrue(closedByServer(fourth.getInputStream()), "fourth connection closed at once");
            }
            first.close();
            awaitConnectionsOpen(1);
            var transcript = call("1 1 1");

            assertEquals(AgiTranscript.End.SCRIPT_HANGUP, transcript.end());
            assertEquals(TestCalls.CALL_ID + ":PROMISE_TO_PAY", sessions.awaitFirstVerdict());
            assertEquals(1, log.lines().stream().filter(l -> l.contains("at the limit of 2 (agi.maxSessions)")).count(),
                    log.lines().toString());
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("below the limit of 2 (agi.maxSessions) again: 2")),
                    log.lines().toString());
        }
    }

    // Issue 18: 1,000 idle peers closed at the timeout produced 24,000 log lines with stack traces.
    @Test
    void idlePeersClosedAtTheDeadlineCostOneLogLineEachAndNoStackTrace() throws Exception {
        start(limits(100, 8192, 128, 32 * 1024, Duration.ofMillis(300)), reminder());
        int peers = 40;

        try (var log = new LogCapture()) {
            var idle = new ArrayList<Socket>();
            try {
                for (int i = 0; i < peers; i++) {
                    idle.add(connect());
                }
                for (var peer : idle) {
                    assertTrue(closedByServer(peer.getInputStream()), "idle peer closed");
                }
            } finally {
                for (var peer : idle) {
                    peer.close();
                }
            }
            awaitConnectionsOpen(0);

            var fastAgiLines = log.lines().stream().filter(l -> l.contains("FastAGI") || l.contains("Agi")).toList();
            assertEquals(peers, fastAgiLines.size(), String.join("\n", log.lines()));
            assertEquals(0, log.stackTraceLines(), String.join("\n", log.lines()));
        }
    }

    // Issue 18: phone numbers appeared in asterisk-java's error line whenever an IVR script failed.
    @Test
    void aFailingScriptIsLoggedInOneLineWithTheNumberMasked() throws Exception {
        AgiScript failing = (request, channel) -> {
            throw new AgiException("no answer from " + request.getChannel());
        };
        start(limits(10, 8192, 128, 32 * 1024, Duration.ofSeconds(10)), failing);

        try (var log = new LogCapture()) {
            var transcript = call("1");

            assertFalse(transcript.commands().stream().anyMatch(c -> c.contains("Exception")), transcript.commands().toString());
            assertTrue(log.lines().stream().anyMatch(l -> l.contains(
                    "FastAGI session on Local/415555****@debtors-00000001;1 failed: org.asteriskjava.fastagi.AgiException:"
                            + " no answer from Local/415555****@debtors-00000001;1")), String.join("\n", log.lines()));
            assertFalse(log.lines().stream().anyMatch(l -> l.contains("4155550123")), String.join("\n", log.lines()));
            assertEquals(0, log.stackTraceLines(), String.join("\n", log.lines()));
        }
    }

    private AgiScript reminder() {
        return new ReminderAgiScript(sessions, new ReminderFlow(sessions, Duration.ofSeconds(5)));
    }

    private static AgiLimits limits(int sessions, int lineBytes, int headerLines, int headerBytes, Duration headerTime) {
        return new AgiLimits(sessions, lineBytes, headerLines, headerBytes, headerTime);
    }

    private void start(AgiLimits limits, AgiScript script) {
        server = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0, READ_TIMEOUT, PeerAllowList.ANY,
                limits), script);
        server.start();
    }

    private Socket connect() throws IOException {
        var socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(PEER_WAIT_MILLIS);
        return socket;
    }

    /** Whether the server closed the connection: reads (and drops) what it sends until the end of the stream. */
    private static boolean closedByServer(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // the server may set AJ_AGISTATUS on its way out
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    /** Whether the server closed the connection within the socket's read timeout. */
    private static boolean closedWithin(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void writeQuietly(Socket peer, byte[] bytes) {
        try {
            peer.getOutputStream().write(bytes);
            peer.getOutputStream().flush();
        } catch (IOException e) {
            // the server closed the connection part way: what the test is about
        }
    }

    /** Waits on the server's own count of open connections, which it lowers as it notices each close. */
    private void awaitConnectionsOpen(int expected) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PEER_WAIT_MILLIS);
        while (server.connectionsOpen() != expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        assertEquals(expected, server.connectionsOpen(), "connections open");
    }

    private AgiTranscript call(String callerScript) throws Exception {
        var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.port() + "/" + IvrServer.SCRIPT),
                "Local/4155550123@debtors-00000001;1", "1795330254.27", "dialer-out", List.of(TestCalls.CALL_ID),
                Map.of("AMDSTATUS", "HUMAN"), CallerScript.parse(callerScript), 0.001);
        try (var caller = new FastAgiCaller(spec)) {
            return caller.run();
        }
    }
}
