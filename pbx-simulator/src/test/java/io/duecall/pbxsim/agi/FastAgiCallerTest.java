package io.duecall.pbxsim.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.Test;

class FastAgiCallerTest {
    private static final double FAST = 0.001;
    /** The script's own time between commands counts as none, so keys pressed without waiting land where the test puts them. */
    private static final java.time.Clock IDLE_TAKES_NO_TIME = java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC);

    @FunctionalInterface
    interface ScriptBody {
        Object run(AgiRequest request, AgiChannel channel) throws AgiException;
    }

    /** Runs the body as the FastAGI script and completes with what it returned or threw. */
    private static final class RecordingScript implements AgiScript {
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        private final ScriptBody body;

        RecordingScript(ScriptBody body) {
            this.body = body;
        }

        @Override
        public void service(AgiRequest request, AgiChannel channel) {
            try {
                outcome.complete(body.run(request, channel));
            } catch (AgiException | RuntimeException e) {
                outcome.complete(e);
            }
        }
    }

    private record Session(AgiTranscript transcript, Object scriptOutcome) {}

    private static AgiCallSpec spec(int port, String callerScript) {
        return new AgiCallSpec(URI.create("agi://127.0.0.1:" + port + "/reminder"), "Local/9142@debtors-0000000d;1",
                "1795330254.26", "dialer-out", List.of("c-9142"), Map.of("CALL_ID", "c-9142", "AMDSTATUS", "HUMAN"),
                CallerScript.parse(callerScript), FAST, IDLE_TAKES_NO_TIME);
    }

    private static Session call(String callerScript, ScriptBody body) throws Exception {
        var script = new RecordingScript(body);
        try (var server = new AsteriskJavaAgiServer(script);
                var caller = new FastAgiCaller(spec(server.port(), callerScript))) {
            var transcript = caller.run();
            return new Session(transcript, script.outcome.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void scriptReceivesTheEnvironmentArgumentAndChannelVariables() throws Exception {
        var session = call("", (request, channel) -> List.of(request.getScript(), request.getChannel(),
                request.getUniqueId(), request.getContext(), List.of(request.getArguments()),
                channel.getVariable("CALL_ID"), String.valueOf(channel.getVariable("UNSET"))));

        assertEquals(List.of("reminder", "Local/9142@debtors-0000000d;1", "1795330254.26", "dialer-out",
                List.of("c-9142"), "c-9142", "null"), session.scriptOutcome());
        assertEquals(List.of("GET VARIABLE \"CALL_ID\"", "GET VARIABLE \"UNSET\"",
                "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\""), session.transcript().commands());
        assertEquals(List.of("200 result=1 (c-9142)", "200 result=0", "200 result=1"), session.transcript().replies());
        assertEquals(AgiTranscript.End.SCRIPT_CLOSED, session.transcript().end());
    }

    @Test
    void keyInTheEscapeSetBargesIntoThePromptAsItsCharacter() throws Exception {
        var session = call("1@0.6", (request, channel) -> channel.streamFile("duecall/menu", "0123456789#*"));

        assertEquals('1', session.scriptOutcome());
        // Pressed 0.6 s in; Asterisk reports one 20 ms frame more than the caller heard.
        assertEquals("200 result=49 endpos=4960", session.transcript().replies().get(0));
    }

    @Test
    void keyPressedWithoutWaitingIsHeardByAPromptThatLetsItEscape() throws Exception {
        var session = call("1@0.5", (request, channel) -> channel.streamFile("duecall/menu", "1"));

        assertEquals('1', session.scriptOutcome());
        assertEquals("200 result=49 endpos=4160", session.transcript().replies().get(0));
        assertEquals(1, session.transcript().keysHeard());
    }

    @Test
    void keyPressedDuringAPromptThatDoesNotLetItEscapeIsLostNotKeptForTheNextWait() throws Exception {
        var session = call("4@0.5", (request, channel) ->
                List.of(channel.streamFile("duecall/menu", "12"), channel.waitForDigit(2000)));

        assertEquals(List.of((char) 0, (char) 0), session.scriptOutcome());
        assertEquals(List.of("200 result=0 endpos=12000", "200 result=0"), repliesBeforeStatus(session));
        assertEquals(1, session.transcript().keysLost());
    }

    @Test
    void keyPressedDuringExecWaitOrPlaybackIsLost() throws Exception {
        var session = call("1@0.5 2@2", (request, channel) -> List.of(channel.exec("Wait", "2"),
                channel.exec("Playback", "duecall/menu"), channel.streamFile("duecall/menu", "12")));

        assertEquals(List.of(0, 0, (char) 0), session.scriptOutcome());
        assertEquals(2, session.transcript().keysLost());
    }

    @Test
    void sayAlphaWithoutEscapeDigitsIgnoresTheKeyAndSayDigitsWithThemStops() throws Exception {
        var session = call("1@0.9 2@2.9", (request, channel) ->
                List.of(channel.sayAlpha("abc", ""), channel.sayDigits("123", "0123456789")));

        assertEquals(List.of((char) 0, '2'), session.scriptOutcome());
        assertEquals(List.of("200 result=0", "200 result=50"), repliesBeforeStatus(session));
    }

    @Test
    void keyOutsideTheEscapeSetWaitsForTheNextInputRequest() throws Exception {
        var session = call("4", (request, channel) ->
                List.of(channel.streamFile("duecall/menu", "12"), channel.waitForDigit(5000)));

        assertEquals(List.of((char) 0, '4'), session.scriptOutcome());
        assertEquals(List.of("200 result=0 endpos=12000", "200 result=52"), repliesBeforeStatus(session));
    }

    @Test
    void waitForDigitTimesOutWhenTheCallerStaysSilent() throws Exception {
        var session = call("t", (request, channel) -> channel.waitForDigit(2000));

        assertEquals((char) 0, session.scriptOutcome());
        assertEquals(List.of("200 result=0"), repliesBeforeStatus(session));
    }

    @Test
    void getDataCollectsDigitsUpToTheLimit() throws Exception {
        var session = call("1 2 3 4", (request, channel) -> channel.getData("duecall/enter-code", 3000, 3));

        assertEquals("123", session.scriptOutcome());
        assertEquals(List.of("200 result=123"), repliesBeforeStatus(session));
    }

    @Test
    void getDataReportsTimeoutAfterAKeyAndSilenceAsAsteriskDoes() throws Exception {
        var session = call("2 t", (request, channel) -> channel.getData("duecall/enter-code", 3000, 4));

        assertEquals("2", session.scriptOutcome());
        assertEquals(List.of("200 result=2 (timeout)"), repliesBeforeStatus(session));
    }

    @Test
    void getDataOnSilenceReturnsAnEmptyTimeout() throws Exception {
        var session = call("t", (request, channel) -> channel.getData("duecall/enter-code", 3000, 4));

        assertEquals(List.of("200 result= (timeout)"), repliesBeforeStatus(session));
    }

    @Test
    void callerHangUpRaisesAgiHangupExceptionInTheScript() throws Exception {
        var session = call("1@0.5 h", (request, channel) -> {
            channel.answer();
            channel.streamFile("duecall/greeting", "0123456789#*");
            channel.streamFile("duecall/amount-due", "");
            return "not reached";
        });

        assertInstanceOf(AgiHangupException.class, session.scriptOutcome());
        assertEquals("HANGUP\n" + AgiCommands.DEAD, session.transcript().replies().get(2));
        assertEquals(AgiTranscript.End.CALLER_HANGUP, session.transcript().end());
    }

    @Test
    void deadChannelStillAnswersVariableCommandsLikeAsterisk() throws Exception {
        var session = call("h", (request, channel) -> {
            var callId = channel.getVariable("CALL_ID");
            try {
                channel.hangup();
                return "not reached";
            } catch (AgiHangupException e) {
                return callId;
            }
        });

        assertEquals("c-9142", session.scriptOutcome());
        assertEquals(List.of("HANGUP\n200 result=1 (c-9142)", AgiCommands.DEAD), repliesBeforeStatus(session));
    }

    @Test
    void scriptHangupEndsTheSession() throws Exception {
        var session = call("", (request, channel) -> {
            channel.answer();
            channel.hangup();
            return "hung up";
        });

        assertEquals(List.of("ANSWER", "HANGUP"), session.transcript().commands());
        assertEquals(List.of("200 result=0", "200 result=1"), session.transcript().replies());
        assertEquals(AgiTranscript.End.SCRIPT_HANGUP, session.transcript().end());
    }

    @Test
    void interruptEndsTheScriptsSessionWithAHangup() throws Exception {
        var waiting = new CountDownLatch(1);
        var script = new RecordingScript((request, channel) -> {
            channel.answer();
            waiting.countDown();
            return channel.waitForDigit(-1);
        });
        try (var server = new AsteriskJavaAgiServer(script);
                var caller = new FastAgiCaller(spec(server.port(), ""))) {
            var run = CompletableFuture.supplyAsync(() -> runQuietly(caller));
            assertTrue(waiting.await(10, TimeUnit.SECONDS));

            caller.interrupt();

            assertEquals(AgiTranscript.End.INTERRUPTED, run.get(10, TimeUnit.SECONDS).end());
            assertInstanceOf(AgiHangupException.class, script.outcome.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void transcriptRecordsEveryCommandAndReply() throws Exception {
        var session = call("1 5", (request, channel) -> {
            channel.answer();
            channel.setVariable("IVR_STEP", "menu");
            channel.verbose("menu", 1);
            channel.exec("Playback", "beep");
            channel.sayNumber("1234", "");
            channel.sayDigits("42");
            channel.sayAlpha("anna");
            channel.getOption("duecall/menu", "12", 2000);
            channel.waitForDigit(3000);
            return channel.getVariable("IVR_STEP");
        });

        assertEquals("menu", session.scriptOutcome());
        assertEquals(List.of("ANSWER", "SET VARIABLE \"IVR_STEP\" \"menu\"", "VERBOSE \"menu\" 1",
                "EXEC \"Playback\" \"beep\"", "SAY NUMBER \"1234\" \"\"", "SAY DIGITS \"42\" \"\"", "SAY ALPHA \"anna\" \"\"",
                "GET OPTION \"duecall/menu\" \"12\" 2000", "WAIT FOR DIGIT 3000", "GET VARIABLE \"IVR_STEP\""),
                commandsBeforeStatus(session));
        assertEquals(List.of("200 result=0", "200 result=1", "200 result=1", "200 result=0", "200 result=0",
                "200 result=0", "200 result=0", "200 result=49 endpos=12000", "200 result=53",
                "200 result=1 (menu)"), repliesBeforeStatus(session));
    }

    /** asterisk-java reports the script's status with a SET VARIABLE AJ_AGISTATUS after the script returns. */
    private static List<String> repliesBeforeStatus(Session session) {
        var replies = session.transcript().replies();
        return replies.subList(0, replies.size() - 1);
    }

    private static List<String> commandsBeforeStatus(Session session) {
        var commands = session.transcript().commands();
        assertTrue(commands.get(commands.size() - 1).startsWith("SET VARIABLE \"AJ_AGISTATUS\""), commands.toString());
        return commands.subList(0, commands.size() - 1);
    }

    private static AgiTranscript runQuietly(FastAgiCaller caller) {
        try {
            return caller.run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
