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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * FastAGI header blocks of every shape (Asterisk's own lines, junk bytes, lines far past the limit, too many lines,
 * no end, a close part way) sent in random fragments to one live {@link IvrServer}. Each ends in a closed connection
 * with nothing but AGI commands sent back; heap after GC stays within a fixed bound; and the server still serves a
 * real call now and then and after the last input. The figures are printed at the end.
 */
class FastAgiFuzzTest {
    private static final AgiLimits LIMITS = new AgiLimits(64, 1024, 32, 8 * 1024, Duration.ofMillis(200));
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    private static final long HEAP_BOUND = 64L * 1024 * 1024;
    private static final int TRIES = 400;
    private static final InMemoryCallSessions SESSIONS = new InMemoryCallSessions(new CopyOnWriteArrayList<>());
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger LEGITIMATE = new AtomicInteger();
    private static IvrServer server;
    private static long heapBefore;
    private static long heapPeak;

    /** One input: the bytes, the sizes of the fragments they are written in, and whether the peer then half-closes. */
    record HeaderBlock(byte[] bytes, List<Integer> fragments, boolean halfClose) {
        @Override
        public String toString() {
            var text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
            return "HeaderBlock[" + bytes.length + " bytes: " + text.replaceAll("\\p{Cntrl}", "?") + ", fragments="
                    + fragments.size() + ", halfClose=" + halfClose + "]";
        }
    }

    @BeforeContainer
    static void startServer() {
        var script = new ReminderAgiScript(SESSIONS, new ReminderFlow(SESSIONS, Duration.ofSeconds(5)));
        server = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0, READ_TIMEOUT, PeerAllowList.ANY,
                LIMITS), script);
        server.start();
        heapBefore = heapAfterGc();
    }

    @AfterContainer
    static void stopServer() throws Exception {
        try {
            assertServesARealCall();
            long heapAfter = heapAfterGc();
            System.out.printf("FastAGI fuzz: %d header blocks tried against a live IvrServer, 0 failures; %d real calls"
                    + " served between them; heap after GC %+.1f MiB at most over the start (bound %d MiB)%n",
                    TRIED.get(), LEGITIMATE.get(), Math.max(heapPeak, heapAfter - heapBefore) / 1048576.0,
                    HEAP_BOUND / 1048576);
            assertTrue(heapAfter - heapBefore < HEAP_BOUND, "heap after GC grew by " + (heapAfter - heapBefore));
        } finally {
            server.stop();
        }
    }

    @Property(tries = TRIES)
    void everyHeaderBlockEndsInAClosedConnectionAndNoStackTrace(@ForAll("headerBlocks") HeaderBlock block)
            throws Exception {
        int n = TRIED.incrementAndGet();
        String reply;
        try (var peer = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            peer.setSoTimeout(30_000);
            send(peer, block);

            reply = readUntilClosed(peer);
        }

        assertFalse(reply.contains("Exception") || reply.contains("\tat ") || reply.contains("java."), reply);
        assertTrue(reply.lines().allMatch(l -> l.matches("[A-Z][A-Z ]*( .*)?")), "only AGI commands: " + reply);
        if (n % 50 == 0) {
            assertServesARealCall();
            long grown = heapAfterGc() - heapBefore;
            heapPeak = Math.max(heapPeak, grown);
            assertTrue(grown < HEAP_BOUND, "heap after GC grew by " + grown);
        }
    }

    @Provide
    Arbitrary<HeaderBlock> headerBlocks() {
        var part = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, validLines()),
                net.jqwik.api.Tuple.of(2, junkLine()),
                net.jqwik.api.Tuple.of(2, randomBytes()),
                net.jqwik.api.Tuple.of(1, longLine()),
                net.jqwik.api.Tuple.of(1, manyLines()),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("\n")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("\r\n")));
        var bytes = part.list().ofMinSize(0).ofMaxSize(12)
                .map(parts -> String.join("", parts).getBytes(StandardCharsets.ISO_8859_1));
        var fragments = Arbitraries.integers().between(1, 700).list().ofMinSize(1).ofMaxSize(8);
        var halfClose = Arbitraries.integers().between(0, 9).map(i -> i < 8);
        return Combinators.combine(bytes, fragments, halfClose).as(HeaderBlock::new);
    }

    private static Arbitrary<String> validLines() {
        var name = Arbitraries.of("network", "network_script", "request", "channel", "language", "type", "uniqueid",
                "version", "callerid", "context", "extension", "priority", "enhanced", "accountcode", "arg_1", "arg_2");
        var value = Arbitraries.oneOf(Arbitraries.of("yes", "reminder", "agi://127.0.0.1/reminder", "c-9142",
                "Local/4155550123@debtors-00000001;1", "22.10.1", "", "agi://x/other?a=1"),
                Arbitraries.strings().ofMaxLength(60));
        return Combinators.combine(name, value).as((n, v) -> "agi_" + n + ": " + v + "\n").list().ofMinSize(1)
                .ofMaxSize(30).map(lines -> String.join("", lines));
    }

    private static Arbitrary<String> junkLine() {
        return Arbitraries.strings().all().ofMaxLength(200).map(s -> s + "\n");
    }

    private static Arbitrary<String> randomBytes() {
        return Arbitraries.bytes().list().ofMaxSize(400).map(list -> {
            var b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = list.get(i);
            }
            return new String(b, StandardCharsets.ISO_8859_1);
        });
    }

    private static Arbitrary<String> longLine() {
        return Arbitraries.integers().between(LIMITS.maxLineBytes() - 8, 64 * LIMITS.maxLineBytes())
                .map(length -> "agi_arg_1: " + "x".repeat(length) + "\n");
    }

    private static Arbitrary<String> manyLines() {
        return Arbitraries.integers().between(LIMITS.maxHeaderLines() - 2, 4 * LIMITS.maxHeaderLines())
                .map(count -> "agi_arg_9: many\n".repeat(count));
    }

    private static void send(Socket peer, HeaderBlock block) {
        try {
            var out = peer.getOutputStream();
            int at = 0;
            int i = 0;
            while (at < block.bytes().length) {
                int size = Math.min(block.fragments().get(i++ % block.fragments().size()), block.bytes().length - at);
                out.write(block.bytes(), at, size);
                out.flush();
                at += size;
            }
            if (block.halfClose()) {
                peer.shutdownOutput();
            }
        } catch (IOException e) {
            // the server closed the connection part way, as it should for an input past a limit
        }
    }

    /** Everything the server sends until it closes the connection; answers a command with a hang-up. */
    private static String readUntilClosed(Socket peer) throws IOException {
        var received = new ByteArrayOutputStream();
        var in = peer.getInputStream();
        var buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                if (!peer.isOutputShutdown()) {
                    try {
                        peer.getOutputStream().write("HANGUP\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // closed by the server meanwhile
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for 30 s", e);
        } catch (IOException e) {
            // reset by the server: closed
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static void assertServesARealCall() throws Exception {
        var callId = "c-legit-" + LEGITIMATE.incrementAndGet();
        SESSIONS.add(TestCalls.call(callId, CampaignMode.IVR_REMINDER, 10));
        var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.port() + "/" + IvrServer.SCRIPT),
                "Local/4155550123@debtors-00000001;1", "1795330254.27", "dialer-out", List.of(callId),
                Map.of("AMDSTATUS", "HUMAN"), CallerScript.parse("1 1 1"), 0.001);
        AgiTranscript transcript;
        try (var caller = new FastAgiCaller(spec)) {
            transcript = caller.run();
        }
        assertEquals(AgiTranscript.End.SCRIPT_HANGUP, transcript.end(), transcript.toString());
        // The verdict is recorded as the session ends, just after the caller has heard its last command.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!SESSIONS.finished().contains(callId + ":PROMISE_TO_PAY") && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
        assertTrue(SESSIONS.finished().contains(callId + ":PROMISE_TO_PAY"), SESSIONS.finished().toString());
    }

    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
