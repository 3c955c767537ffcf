package io.duecall.ivr.adapter.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.app.AgentHandoff;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.ivr.flow.InMemoryCallSessions;
import io.duecall.ivr.flow.Prompts;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.ivr.flow.TestCalls;
import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import io.duecall.pbxsim.agi.CallerScript;
import io.duecall.pbxsim.agi.FastAgiCaller;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real IVR server on loopback, called by the PBX simulator's FastAGI caller as Asterisk would call it. */
class IvrServerOverFastAgiTest {
    private final InMemoryCallSessions sessions = new InMemoryCallSessions(new CopyOnWriteArrayList<>());
    private IvrServer server;

    @BeforeEach
    void startServer() {
        sessions.add(TestCalls.call(CampaignMode.IVR_REMINDER, 10));
        var script = new ReminderAgiScript(sessions, new ReminderFlow(sessions, Duration.ofSeconds(5)));
        server = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0), script);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private AgiTranscript call(String callerScript, String script, List<String> args, Map<String, String> variables)
            throws Exception {
        var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.port() + "/" + script),
                "Local/4155550123@debtors-00000001;1", "1795330254.26", "dialer-out", args, variables,
                CallerScript.parse(callerScript), 0.001);
        try (var caller = new FastAgiCaller(spec)) {
            return caller.run();
        }
    }

    private AgiTranscript call(String callerScript) throws Exception {
        return call(callerScript, IvrServer.SCRIPT, List.of(TestCalls.CALL_ID), Map.of("AMDSTATUS", "HUMAN"));
    }

    private static boolean mentionsDebt(AgiTranscript transcript) {
        return transcript.commands().stream().anyMatch(c -> c.contains(Prompts.AMOUNT_DUE)
                || c.contains(Prompts.MENU_PROMISE_AGENT) || c.startsWith("SAY NUMBER"));
    }

    @Test
    void aStalledClientDoesNotHoldUpOtherCalls() throws Exception {
        // A peer that opens a session, sends half an environment and then says nothing more.
        try (var stalled = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port())) {
            stalled.getOutputStream().write("agi_network: yes\nagi_request: agi://127.0.0.1/reminder\nagi_chan"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();

            var transcript = call("1 1 1");

            assertEquals("c-9142:PROMISE_TO_PAY", sessions.awaitFirstVerdict());
            assertEquals(AgiTranscript.End.SCRIPT_HANGUP, transcript.end());
            assertTrue(stalled.isConnected() && !stalled.isClosed());
        }
    }

    @Test
    void debtorPromisesByPressing1ThenConfirming() throws Exception {
        var transcript = call("1 1 1");

        assertEquals("c-9142:PROMISE_TO_PAY", sessions.awaitFirstVerdict());
        assertEquals("2026-03-13", sessions.promise(TestCalls.CALL_ID).orElseThrow().payBy().toString());
        assertEquals(AgiTranscript.End.SCRIPT_HANGUP, transcript.end());
        assertTrue(transcript.commands().contains("SAY NUMBER \"125\" \"\""), transcript.commands().toString());
        assertTrue(transcript.commands().contains("SAY DATE 1773403200 \"\""), transcript.commands().toString());
    }

    @Test
    void verifiedDebtorWhoPresses1DuringTheAmountReadBackAndHangsUpLaterHasPromised() throws Exception {
        // 1 once asked who they are; 1 two seconds later, during the read-back; 1 a second into the confirmation.
        var transcript = call("1 1@2 1@1 h");

        assertEquals("c-9142:PROMISE_TO_PAY", sessions.awaitFirstVerdict());
        assertEquals(2, transcript.keysHeard(), transcript.replies().toString());
        assertFalse(transcript.commands().stream().anyMatch(c -> c.contains(Prompts.MENU_PROMISE_AGENT)),
                "the key answered the menu before it was asked: " + transcript.commands());
        assertEquals(AgiTranscript.End.CALLER_HANGUP, transcript.end());
    }

    @Test
    void aKeyPressedTwoSecondsIntoTheGreetingVerifiesNoOne() throws Exception {
        var transcript = call("1@2 t t t");

        assertEquals("c-9142:NO_INPUT", sessions.awaitFirstVerdict());
        assertEquals(1, transcript.keysLost());
        assertFalse(mentionsDebt(transcript), transcript.commands().toString());
    }

    @Test
    void debtorWhoPresses0IsLeftForTheBridgeWithoutAHangup() throws Exception {
        sessions.answerAgentRequestsWith(new AgentHandoff.Bridging("SIP/agent-7"));

        var transcript = call("1 0");

        assertEquals(AgiTranscript.End.SCRIPT_CLOSED, transcript.end());
        assertFalse(transcript.commands().contains("HANGUP"), transcript.commands().toString());
        assertEquals(List.of(), sessions.finished());
    }

    @Test
    void invalidKeyThenPromise() throws Exception {
        var transcript = call("1 7 1 1");

        assertEquals("c-9142:PROMISE_TO_PAY", sessions.awaitFirstVerdict());
        // "Not a valid choice" leads back to the menu, so the menu's keys may interrupt it.
        assertTrue(transcript.commands().contains("STREAM FILE \"" + Prompts.INVALID + "\" \"01239\""),
                transcript.commands().toString());
    }

    @Test
    void silenceThreeTimesEndsWithNoCommitment() throws Exception {
        var transcript = call("1 t t t");

        assertEquals("c-9142:NO_COMMITMENT", sessions.awaitFirstVerdict());
        // One wait after the right-party question (this caller answers once asked), three after the menu.
        assertEquals(4, transcript.commands().stream().filter(c -> c.startsWith("WAIT FOR DIGIT 5000")).count());
        assertEquals(AgiTranscript.End.SCRIPT_HANGUP, transcript.end());
    }

    @Test
    void callerHangingUpMidPromptIsReportedAsHungUp() throws Exception {
        var transcript = call("1 h");

        assertEquals("c-9142:HUNG_UP", sessions.awaitFirstVerdict());
        assertEquals(AgiTranscript.End.CALLER_HANGUP, transcript.end());
    }

    @Test
    void callerHangingUpAtAnswerIsReportedAsHungUp() throws Exception {
        var transcript = call("h");

        assertEquals("c-9142:HUNG_UP", sessions.awaitFirstVerdict());
        assertEquals(List.of("ANSWER"), transcript.commands().subList(0, 1));
    }

    @Test
    void wrongPartyHearsNothingAboutTheDebt() throws Exception {
        var transcript = call("2");

        assertEquals("c-9142:THIRD_PARTY", sessions.awaitFirstVerdict());
        assertFalse(mentionsDebt(transcript), transcript.commands().toString());
        assertTrue(transcript.commands().contains("SAY DIGITS \"18005550100\" \"\""), transcript.commands().toString());
    }

    @Test
    void callIdFallsBackToTheChannelVariable() throws Exception {
        call("2", IvrServer.SCRIPT, List.of(), Map.of("CALL_ID", TestCalls.CALL_ID, "AMDSTATUS", "HUMAN"));

        assertEquals("c-9142:THIRD_PARTY", sessions.awaitFirstVerdict());
    }

    @Test
    void malformedCallIdGetsOnlyAHangup() throws Exception {
        var transcript = call("1 1", IvrServer.SCRIPT, List.of("c-9142;Dial(SIP/evil)"), Map.of());

        assertEquals(List.of("HANGUP"), transcript.commands());
        assertEquals(List.of(), sessions.finished());
    }

    @Test
    void unknownCallIdGetsOnlyAHangup() throws Exception {
        var transcript = call("1 1", IvrServer.SCRIPT, List.of("c-unknown"), Map.of());

        assertEquals(List.of("HANGUP"), transcript.commands());
    }

    @Test
    void otherScriptNamesAreRefused() throws Exception {
        var transcript = call("1 1", "transfer-funds", List.of(TestCalls.CALL_ID), Map.of());

        assertFalse(transcript.commands().stream().anyMatch(c -> c.startsWith("ANSWER")), transcript.commands().toString());
        assertEquals(AgiTranscript.End.SCRIPT_CLOSED, transcript.end());
        assertEquals(List.of(), sessions.finished());
    }

    @Test
    void portZeroBindsAFreePortAndReportsIt() {
        assertTrue(server.port() > 0, "port " + server.port());
    }
}
