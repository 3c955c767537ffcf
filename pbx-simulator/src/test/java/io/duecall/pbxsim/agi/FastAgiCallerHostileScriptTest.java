package io.duecall.pbxsim.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Drives the caller from a raw socket, the way a broken or hostile FastAGI script might. */
class FastAgiCallerHostileScriptTest {

    @Test
    void sendsTheEnvironmentInAsterisksOrderEndingInABlankLine() throws Exception {
        var exchange = exchange(List.of());

        var env = exchange.received();
        assertEquals(List.of("agi_network: yes", "agi_network_script: reminder",
                "agi_request: agi://127.0.0.1:" + exchange.port() + "/reminder",
                "agi_channel: Local/9142@debtors-0000000d;1", "agi_language: en", "agi_type: Local",
                "agi_uniqueid: 1795330254.26", "agi_version: 22.10.1"), env.subList(0, 8));
        assertEquals(List.of("agi_context: dialer-out", "agi_extension: s", "agi_priority: 2"), env.subList(16, 19));
        assertTrue(env.get(21).startsWith("agi_threadid: "), env.get(21));
        assertEquals(List.of("agi_arg_1: c-9142", "agi_arg_2: second arg", ""), env.subList(22, 25));
    }

    @Test
    void answersGarbageAndOverlongLinesWith510AndCarriesOn() throws Exception {
        var exchange = exchange(List.of("x".repeat(100_000), "\u0000\u00ff garbage \"unterminated", "STREAM FILE",
                "WAIT FOR DIGIT soon", "NOOP"));

        var replies = exchange.received().subList(25, exchange.received().size());
        assertEquals(List.of(AgiCommands.INVALID, AgiCommands.INVALID, "520-Invalid command syntax.  Proper usage follows:",
                " Usage: STREAM FILE <filename> <escape_digits> [<sample offset>]", "520 End of proper usage.",
                "520-Invalid command syntax.  Proper usage follows:", " Usage: WAIT FOR DIGIT <timeout>",
                "520 End of proper usage.", "200 result=0"), replies);
        assertEquals(AgiTranscript.End.SCRIPT_CLOSED, exchange.transcript().end());
    }

    private record Exchange(int port, List<String> received, AgiTranscript transcript) {}

    /** Accepts the caller's connection, sends each line after the environment, and reads everything back. */
    private static Exchange exchange(List<String> lines) throws Exception {
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.getLocalPort() + "/reminder"),
                    "Local/9142@debtors-0000000d;1", "1795330254.26", "dialer-out", List.of("c-9142", "second arg"),
                    Map.of(), CallerScript.parse(""), 0.001);
            try (var caller = new FastAgiCaller(spec)) {
                var run = CompletableFuture.supplyAsync(() -> {
                    try {
                        return caller.run();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                var received = new ArrayList<String>();
                try (var socket = server.accept()) {
                    var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    readUntilBlank(in, received);
                    send(socket.getOutputStream(), lines);
                    socket.shutdownOutput();
                    in.lines().forEach(received::add);
                }
                return new Exchange(server.getLocalPort(), received, run.get(10, TimeUnit.SECONDS));
            }
        }
    }

    private static void readUntilBlank(BufferedReader in, List<String> received) throws java.io.IOException {
        String line;
        while ((line = in.readLine()) != null) {
            received.add(line);
            if (line.isEmpty()) {
                return;
            }
        }
    }

    private static void send(OutputStream out, List<String> lines) throws java.io.IOException {
        for (var line : lines) {
            out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
    }
}
