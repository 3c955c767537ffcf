package io.duecall.ivr.adapter.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.app.AgentHandoff;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.ivr.flow.FlowLoader;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.JedisPooled;

/** Every path of the default flow over a real FastAGI socket, with promises stored in the real Redis. */
class FlowsOverFastAgiTest {
    private final String prefix = "duecall-test-" + UUID.randomUUID();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final JedisPooled jedis = new JedisPooled(TestRedis.uri());
    private final RedisPromiseStore promises = new RedisPromiseStore(jedis, new RedisKeys(prefix));
    private final StoreBackedCallSessions sessions = new StoreBackedCallSessions(promises);
    private IvrServer server;

    @BeforeEach
    void startServer() {
        sessions.add(TestCalls.call(CampaignMode.IVR_REMINDER, 10));
        var script = new ReminderAgiScript(sessions, new ReminderFlow(sessions, Duration.ofSeconds(5)));
        server = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0), script, new AgiSessionListener() {
            @Override
            public void sessionStarted() {
                started.incrementAndGet();
                active.incrementAndGet();
            }

            @Override
            public void sessionEnded() {
                active.decrementAndGet();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        KeyspaceCleaner.deleteAll(jedis, prefix);
        jedis.close();
    }

    private AgiTranscript call(String callerScript) throws Exception {
        var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.port() + "/" + IvrServer.SCRIPT),
                "Local/4155550123@debtors-00000001;1", "1795330254.26", "dialer-out", List.of(TestCalls.CALL_ID),
                Map.of("AMDSTATUS", "HUMAN"), CallerScript.parse(callerScript), 0.001);
        try (var caller = new FastAgiCaller(spec)) {
            return caller.run();
        }
    }

    private static boolean confirmedAPromise(AgiTranscript transcript) {
        return transcript.commands().contains("STREAM FILE \"" + Prompts.PROMISE_CONFIRMED + "\" \"\"");
    }

    @ParameterizedTest
    @CsvSource({"'1 1 1', PROMISE_TO_PAY, 125.50 USD, 2026-03-13",
            "'1 2 0 3 1 1 1', PROMISE_TO_PAY, 125.50 USD, 2026-03-11",
            "'1 3 4 0 # 1', PROMISE_TO_PAY, 40.00 USD, 2026-03-13"})
    void eachPromiseKeyStoresThePromiseOnceBeforeConfirmingIt(String script, String verdict, String amount,
            String payBy) throws Exception {
        var transcript = call(script);

        assertEquals(verdict, sessions.awaitVerdict(TestCalls.CALL_ID));
        var stored = promises.all();
        assertEquals(1, stored.size());
        assertEquals(amount, stored.get(0).amount().toString());
        assertEquals(payBy, stored.get(0).payBy().toString());
        assertTrue(confirmedAPromise(transcript), transcript.commands().toString());
    }

    @ParameterizedTest
    @CsvSource({"'1 9', OPTED_OUT", "'1 0 t', ABANDONED", "'1 0 1 5 #', ABANDONED", "'2', THIRD_PARTY",
            "'1 7 7 7', NO_COMMITMENT", "'1 t t t', NO_COMMITMENT", "'t t t', NO_INPUT", "'1 1 2 t t t', NO_COMMITMENT"})
    void keysThatMakeNoPromiseStoreNothing(String script, String verdict) throws Exception {
        var transcript = call(script);

        assertEquals(verdict, sessions.awaitVerdict(TestCalls.CALL_ID));
        assertEquals(List.of(), promises.all());
        assertFalse(confirmedAPromise(transcript), transcript.commands().toString());
        assertEquals(AgiTranscript.End.SCRIPT_HANGUP, transcript.end());
    }

    @Test
    void agentKeyWithAFreeAgentLeavesTheCallForTheBridge() throws Exception {
        sessions.answerAgentRequestsWith(new AgentHandoff.Bridging("SIP/agent-7"));

        var transcript = call("1 0");

        assertEquals(AgiTranscript.End.SCRIPT_CLOSED, transcript.end());
        assertEquals(List.of(), sessions.verdictLog());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h", "1 h", "1 3 h", "1 3 4 h", "1 3 4 0 h", "1 3 4 0 # h", "1 3 4 0 # 1 h",
            "1 2 h", "1 2 0 3 h", "1 9 h", "1 0 h", "2 h"})
    void hangingUpAtAnyStepGivesOneVerdictAndAPromiseOnlyIfStored(String script) throws Exception {
        call(script);

        var verdict = sessions.awaitVerdict(TestCalls.CALL_ID);
        assertEquals(1, sessions.verdictLog().size(), sessions.verdictLog().toString());
        assertEquals(verdict.equals("PROMISE_TO_PAY") ? 1 : 0, promises.all().size(), verdict);
    }

    @Test
    void eachSessionIsReportedAsStartedAndEndedByTheTimeTheScriptCloses() throws Exception {
        sessions.answerAgentRequestsWith(new AgentHandoff.Bridging("SIP/agent-7"));

        var transcript = call("1 0");

        assertEquals(AgiTranscript.End.SCRIPT_CLOSED, transcript.end());
        assertEquals(1, started.get());
        assertEquals(0, active.get());
    }

    @Test
    void doubleConfirmStoresExactlyOnePromise() throws Exception {
        call("1 1 1 1 1");

        assertEquals("PROMISE_TO_PAY", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertEquals(1, promises.all().size());
    }

    @Test
    void dateOutsideTheHorizonIsRefusedOverTheSocket() throws Exception {
        var transcript = call("1 2 0 3 2 0 t t");

        assertEquals("NO_COMMITMENT", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertTrue(transcript.commands().contains("STREAM FILE \"" + Prompts.INVALID + "\" \"\""));
        assertEquals(List.of(), promises.all());
    }

    @Test
    void dialerDyingBetweenStoringAndConfirmingLeavesTheStoredPromiseUnconfirmed() throws Exception {
        sessions.dieAfterStoring();

        var transcript = call("1 1 1");

        var afterRestart = new RedisPromiseStore(jedis, new RedisKeys(prefix));
        assertEquals(1, afterRestart.all().size());
        assertTrue(afterRestart.forCall(TestCalls.CALL_ID).isPresent());
        assertFalse(confirmedAPromise(transcript), transcript.commands().toString());
    }

    @Test
    void wrongPartyNeverHearsAnAmountInTheDefaultFlow() throws Exception {
        var transcript = call("2");

        assertEquals("reminder:4", FlowLoader.defaultFlow().ledgerVersion());
        assertFalse(transcript.commands().stream().anyMatch(c -> c.startsWith("SAY NUMBER") || c.startsWith("SAY DATE")
                || c.contains(Prompts.AMOUNT_DUE) || c.contains(Prompts.MENU_PROMISE_AGENT)), transcript.commands().toString());
    }
}
