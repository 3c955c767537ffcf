package io.duecall.ivr.adapter.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.app.IvrCall;
import io.duecall.domain.account.SecondFactor;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The default flow's second factor and prompt languages over a real FastAGI socket, promises in the real Redis. */
class SecondFactorOverFastAgiTest {
    private final String prefix = "duecall-test-" + UUID.randomUUID();
    private final JedisPooled jedis = new JedisPooled(TestRedis.uri());
    private final RedisPromiseStore promises = new RedisPromiseStore(jedis, new RedisKeys(prefix));
    private final StoreBackedCallSessions sessions = new StoreBackedCallSessions(promises);
    private IvrServer server;

    @AfterEach
    void stop() {
        server.stop();
        KeyspaceCleaner.deleteAll(jedis, prefix);
        jedis.close();
    }

    private AgiTranscript call(IvrCall ivrCall, ReminderFlow flow, String callerScript) throws Exception {
        sessions.add(ivrCall);
        server = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0), new ReminderAgiScript(sessions, flow));
        server.start();
        var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.port() + "/" + IvrServer.SCRIPT),
                "Local/4155550123@debtors-00000001;1", "1795330254.26", "dialer-out", List.of(TestCalls.CALL_ID),
                Map.of("AMDSTATUS", "HUMAN"), CallerScript.parse(callerScript), 0.001);
        try (var caller = new FastAgiCaller(spec)) {
            return caller.run();
        }
    }

    private IvrCall bornIn1980() {
        return TestCalls.withAccount(TestCalls.call(CampaignMode.IVR_REMINDER, 10),
                account -> account.withSecondFactor(SecondFactor.birthYear(1980)));
    }

    private ReminderFlow defaultFlow() {
        return new ReminderFlow(sessions, Duration.ofSeconds(5));
    }

    private static boolean disclosedAnything(AgiTranscript transcript) {
        return transcript.commands().stream().anyMatch(c -> c.startsWith("SAY NUMBER") || c.startsWith("SAY DATE")
                || c.contains(Prompts.AMOUNT_DUE) || c.contains(Prompts.MENU_PROMISE_AGENT));
    }

    @Test
    void rightYearOfBirthLeadsToTheAmountAndAPromise() throws Exception {
        var transcript = call(bornIn1980(), defaultFlow(), "1 1 9 8 0 1 1");

        assertEquals("PROMISE_TO_PAY", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertTrue(transcript.commands().stream().anyMatch(c -> c.startsWith("GET DATA \"" + Prompts.ENTER_BIRTH_YEAR)),
                transcript.commands().toString());
        assertTrue(transcript.commands().stream().anyMatch(c -> c.startsWith("SAY NUMBER \"125\"")),
                transcript.commands().toString());
        assertEquals(1, promises.all().size());
    }

    @Test
    void wrongYearTwiceEndsPolitelyWithoutAnAmountEverPlayed() throws Exception {
        var transcript = call(bornIn1980(), defaultFlow(), "1 1 9 7 9 1 9 8 1 1 1");

        assertEquals("THIRD_PARTY", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertFalse(disclosedAnything(transcript), transcript.commands().toString());
        assertTrue(transcript.commands().contains("STREAM FILE \"" + Prompts.NOT_VERIFIED + "\" \"\""),
                transcript.commands().toString());
        assertEquals(List.of(), promises.all());
        assertEquals(AgiTranscript.End.SCRIPT_HANGUP, transcript.end());
    }

    @Test
    void silenceInsteadOfTheYearDisclosesNothing() throws Exception {
        var transcript = call(bornIn1980(), defaultFlow(), "1 t t");

        assertEquals("THIRD_PARTY", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertFalse(disclosedAnything(transcript), transcript.commands().toString());
    }

    @Test
    void accountWithoutASecondFactorIsNotAskedForOne() throws Exception {
        var transcript = call(TestCalls.call(CampaignMode.IVR_REMINDER, 10), defaultFlow(), "1 1 1");

        assertEquals("PROMISE_TO_PAY", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertFalse(transcript.commands().stream().anyMatch(c -> c.contains("enter-birth-year") || c.contains("enter-id-last4")),
                transcript.commands().toString());
    }

    @Test
    void identityDigitsAreAskedWhenNoYearOfBirthIsKnown() throws Exception {
        var call = TestCalls.withAccount(TestCalls.call(CampaignMode.IVR_REMINDER, 10),
                account -> account.withSecondFactor(SecondFactor.idLast4("0042")));

        var transcript = call(call, defaultFlow(), "1 0 0 4 2 1 1");

        assertEquals("PROMISE_TO_PAY", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertTrue(transcript.commands().stream().anyMatch(c -> c.startsWith("GET DATA \"" + Prompts.ENTER_ID_LAST4)),
                transcript.commands().toString());
    }

    @Test
    void spanishSpeakerHearsTheSpanishPromptSetAndOthersTheDefault() throws Exception {
        String yaml;
        try (var in = FlowLoader.class.getResourceAsStream(FlowLoader.DEFAULT_FLOW)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("languages: []", "languages: [es]");
        }
        var flow = new ReminderFlow(sessions, Duration.ofSeconds(5), FlowLoader.read("reminder-es.yaml", yaml));
        var spanish = TestCalls.withAccount(bornIn1980(), account -> account.withLanguage(Locale.forLanguageTag("es-MX")));

        var transcript = call(spanish, flow, "1 1 9 8 0 t t t");

        assertEquals("NO_COMMITMENT", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertTrue(transcript.commands().contains("STREAM FILE \"duecall/es/amount-due\" \"01239\""), transcript.commands().toString());
        assertTrue(transcript.commands().stream().anyMatch(c -> c.startsWith("SET VARIABLE \"CHANNEL(language)\" \"es\"")),
                "numbers and dates are said in Spanish too: " + transcript.commands());
        assertTrue(transcript.commands().stream().anyMatch(c -> c.startsWith("GET DATA \"duecall/es/enter-birth-year\"")),
                transcript.commands().toString());
        assertTrue(transcript.commands().contains("STREAM FILE \"duecall/company-march-reminders\" \"\""),
                "a campaign's company prompt has no language set: " + transcript.commands());
    }
}
