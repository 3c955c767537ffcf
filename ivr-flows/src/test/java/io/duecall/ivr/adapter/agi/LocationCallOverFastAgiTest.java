package io.duecall.ivr.adapter.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.app.IvrCall;
import io.duecall.domain.campaign.CampaignMode;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** A call to a third-party contact over a real FastAGI socket: the location script, and nothing about the debt. */
class LocationCallOverFastAgiTest {
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

    private AgiTranscript call(IvrCall ivrCall, String amd, String callerScript) throws Exception {
        sessions.add(ivrCall);
        var flow = new ReminderFlow(sessions, Duration.ofSeconds(5));
        server = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0), new ReminderAgiScript(sessions, flow));
        server.start();
        var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.port() + "/" + IvrServer.SCRIPT),
                "Local/4155550142@debtors-00000001;1", "1795330254.27", "dialer-out", List.of(TestCalls.CALL_ID),
                Map.of("AMDSTATUS", amd), CallerScript.parse(callerScript), 0.001);
        try (var caller = new FastAgiCaller(spec)) {
            return caller.run();
        }
    }

    /** Amounts and dates are spoken with SAY NUMBER and SAY DATE; the debt's prompts and every menu are named here. */
    private static boolean heardAnythingAboutTheDebt(AgiTranscript transcript) {
        return transcript.commands().stream().anyMatch(c -> c.startsWith("SAY NUMBER") || c.startsWith("SAY DATE")
                || c.startsWith("GET DATA") || c.contains(Prompts.AMOUNT_DUE) || c.contains(Prompts.DUE_ON)
                || c.contains(Prompts.MENU_PROMISE_AGENT) || c.contains(Prompts.YOU_PROMISE)
                || c.contains(Prompts.IF_YOU_ARE) || c.contains(Prompts.PRESS_1_YES_2_NO));
    }

    @Test
    void contactHearsOnlyWhomWeAreTryingToReachAndTheCallbackNumber() throws Exception {
        var transcript = call(TestCalls.locationCall(CampaignMode.IVR_REMINDER, 10), "HUMAN", "1 1 1 9 0");

        assertEquals("THIRD_PARTY", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertFalse(heardAnythingAboutTheDebt(transcript), transcript.commands().toString());
        assertTrue(transcript.commands().contains("STREAM FILE \"duecall/company-march-reminders\" \"\""),
                transcript.commands().toString());
        assertTrue(transcript.commands().contains("STREAM FILE \"" + Prompts.TRYING_TO_REACH + "\" \"\""),
                transcript.commands().toString());
        assertTrue(transcript.commands().contains("SAY ALPHA \"Anna\" \"\""), transcript.commands().toString());
        assertTrue(transcript.commands().contains("SAY DIGITS \"18005550100\" \"\""), transcript.commands().toString());
        assertEquals(List.of(), promises.all());
        assertEquals(AgiTranscript.End.SCRIPT_HANGUP, transcript.end());
    }

    @Test
    void contactInAnAgentCampaignIsNotPutThroughToAnAgent() throws Exception {
        var transcript = call(TestCalls.locationCall(CampaignMode.AGENT, 15), "HUMAN", "0 0");

        assertEquals("THIRD_PARTY", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertFalse(heardAnythingAboutTheDebt(transcript), transcript.commands().toString());
        assertFalse(transcript.commands().stream().anyMatch(c -> c.contains(Prompts.ABANDON)), transcript.commands().toString());
    }

    @Test
    void contactsAnsweringMachineGetsTheLimitedContentMessage() throws Exception {
        var transcript = call(TestCalls.locationCall(CampaignMode.IVR_REMINDER, 10), "MACHINE", "");

        assertEquals("MACHINE", sessions.awaitVerdict(TestCalls.CALL_ID));
        assertFalse(heardAnythingAboutTheDebt(transcript), transcript.commands().toString());
        assertFalse(transcript.commands().stream().anyMatch(c -> c.startsWith("SAY ALPHA")), transcript.commands().toString());
    }
}
