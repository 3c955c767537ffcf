package io.duecall.pbxsim.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds the simulator to recordings of a real Asterisk 22.10.1: replays the FastAGI client side of each transcript
 * (the same commands, with the same time between a reply and the next command) against {@link FastAgiCaller}, with a
 * caller who releases the same keys at the same moments, and checks that the simulator writes what Asterisk wrote:
 * the environment's fields in Asterisk's order, every result line (a prompt's {@code endpos} within a 20 ms frame),
 * the unsolicited {@code HANGUP}, and so which keys were heard and which were lost.
 */
class AsteriskTranscriptContractTest {
    private static final double TIME_SCALE = 0.001;
    private static final Pattern ENDPOS = Pattern.compile("^(200 result=-?\\d+) endpos=(\\d+)$");
    private static final long FRAME_SAMPLES = 160;
    /** The environment's values that depend on the call rather than on the recording's machine. */
    private static final List<String> CALL_FIELDS = List.of("agi_network", "agi_network_script", "agi_channel",
            "agi_language", "agi_type", "agi_uniqueid", "agi_version", "agi_context", "agi_extension", "agi_priority",
            "agi_enhanced", "agi_accountcode");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "asterisk22-case1-streamfile-no-escape.txt",
            "asterisk22-case1b-waitfordigit-control.txt",
            "asterisk22-case2-streamfile-escape.txt",
            "asterisk22-case3-exec-playback.txt",
            "asterisk22-case4a-getdata-1digit.txt",
            "asterisk22-case4b-getdata-2digits.txt",
            "asterisk22-case4c-getdata-2max-1key.txt",
            "asterisk22-case4d-getdata-nokey.txt",
            "asterisk22-case5a-key-during-exec-wait.txt",
            "asterisk22-case5b-key-between-commands.txt",
            "asterisk22-case5c-key-straddling-commands.txt",
            "asterisk22-case6-say-alpha-digits.txt",
            "asterisk22-case8a-agi-close-fin-mid-streamfile.txt",
            "asterisk22-case8b-agi-close-rst-mid-streamfile.txt",
            "asterisk22-case8c-command-sent-mid-streamfile.txt"})
    void theSimulatorAnswersTheRecordedCommandsAsAsteriskDid(String name) throws Exception {
        var recorded = AsteriskTranscript.read(name);
        var clock = new ManualClock();
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var env = recorded.environment();
            var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.getLocalPort() + "/" + env.get("agi_network_script")),
                    env.get("agi_channel"), env.get("agi_uniqueid"), env.get("agi_context"), List.of(),
                    recorded.variables(), recorded.callerScript(), timeScale(recorded), clock);
            var caller = new FastAgiCaller(spec);
            var session = CompletableFuture.supplyAsync(() -> {
                try {
                    return caller.run();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (var socket = server.accept()) {
                socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                checkEnvironment(recorded, readEnvironment(in));
                replay(recorded, clock, in, socket.getOutputStream());
            }
            session.get(30, TimeUnit.SECONDS);
            caller.close();
        }
    }

    /**
     * The recordings' own pace when the script sends a command while another is running (8c): the running prompt must
     * still be playing when the second command arrives, and at a thousandth of its 4.11 s a busy machine could let it
     * end first. At the recorded pace the prompt lasts 4.11 s and the second command, sent at once, cuts it short; the
     * test still takes milliseconds. Elsewhere a thousandth, as the replies do not depend on the machine's speed.
     */
    private static double timeScale(AsteriskTranscript recorded) {
        var steps = recorded.steps();
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i) instanceof AsteriskTranscript.Sent && steps.get(i - 1) instanceof AsteriskTranscript.Sent) {
                return 1.0;
            }
        }
        return TIME_SCALE;
    }

    private static List<String> readEnvironment(BufferedReader in) throws java.io.IOException {
        var lines = new ArrayList<String>();
        for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    private static void checkEnvironment(AsteriskTranscript recorded, List<String> sent) {
        var names = sent.stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertEquals(List.copyOf(recorded.environment().keySet()), names, "the environment's fields, in order");
        for (var field : CALL_FIELDS) {
            var line = sent.get(names.indexOf(field));
            assertEquals(recorded.environment().get(field), line.substring(line.indexOf(':') + 1).strip(), field);
        }
    }

    /** Sends each command after the recorded pause since the line before it, and reads each line Asterisk wrote. */
    private static void replay(AsteriskTranscript recorded, ManualClock clock, BufferedReader in, OutputStream out)
            throws java.io.IOException {
        var last = recorded.connectedAt();
        for (var step : recorded.steps()) {
            switch (step) {
                case AsteriskTranscript.Sent sent -> {
                    clock.advance(Duration.ofMillis(sent.at() - last));
                    out.write((sent.line() + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case AsteriskTranscript.Received received -> {
                    var line = in.readLine();
                    if (line == null) {
                        fail(recorded.name() + ": the simulator closed the session; Asterisk wrote '" + received.line() + "'");
                    }
                    assertSameReply(recorded.name() + " +" + received.at(), received.line(), line);
                }
                case AsteriskTranscript.Closed closed -> {
                    return;
                }
            }
            last = step.at();
        }
    }

    /** The same line, except that a prompt's endpos may differ by the 20 ms frame Asterisk plays ahead. */
    private static void assertSameReply(String where, String expected, String actual) {
        var e = ENDPOS.matcher(expected);
        var a = ENDPOS.matcher(actual);
        if (e.matches() && a.matches()) {
            assertEquals(e.group(1), a.group(1), where);
            var gap = Math.abs(Long.parseLong(e.group(2)) - Long.parseLong(a.group(2)));
            assertTrue(gap <= FRAME_SAMPLES, where + ": endpos " + a.group(2) + " (expected " + e.group(2) + " within "
                    + FRAME_SAMPLES + " samples)");
            return;
        }
        assertEquals(expected, actual, where);
    }
}
