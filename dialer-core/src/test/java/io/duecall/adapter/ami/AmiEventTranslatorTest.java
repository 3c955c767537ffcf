package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.port.CallEvent;
import java.time.Instant;
import java.util.Optional;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmiEventTranslatorTest {
    private static final Instant AT = Instant.parse("2025-03-04T10:15:30Z");
    private static final String DEBTOR_CHANNEL = "Local/+14155550123@debtors-00000007;1";
    private static final String DEBTOR_UNIQUE_ID = "1795330182.14";

    private final AmiCallRegistry registry = new AmiCallRegistry();
    private final AmiEventTranslator translator = new AmiEventTranslator(registry);

    @Test
    void answeredReasonGivesAnsweredWithTheDebtorChannel() {
        registry.placed("c-101");

        var result = translator.translate(originateResponse("orig-c-101", 4, DEBTOR_CHANNEL, DEBTOR_UNIQUE_ID), AT);

        assertEquals(Optional.of(new CallEvent.Answered("c-101", AT, DEBTOR_CHANNEL)), result);
        assertEquals(Optional.of(DEBTOR_CHANNEL), registry.channelOf("c-101"));
    }

    @ParameterizedTest
    @CsvSource({"5, BUSY", "3, NO_ANSWER", "8, CONGESTION", "0, FAILED", "1, FAILED", "2, FAILED", "7, FAILED"})
    void failureReasonsGiveNotConnectedAndForgetTheCall(int reason, CallOutcome outcome) {
        registry.placed("c-401");

        var result = translator.translate(originateResponse("orig-c-401", reason, "Local/+14155550123@debtors", "<unknown>"), AT);

        assertEquals(Optional.of(new CallEvent.NotConnected("c-401", AT, outcome)), result);
        assertEquals(0, registry.size());
    }

    @Test
    void originateResponseForAnUnknownActionIdIsIgnored() {
        registry.placed("c-101");

        var result = translator.translate(originateResponse("orig-c-999", 5, "Local/1@debtors", null), AT);

        assertEquals(Optional.empty(), result);
        assertEquals(1, registry.size());
    }

    @Test
    void originateResponseWithoutReasonOrActionIdIsIgnored() {
        registry.placed("c-101");

        var noReason = translator.translate(originateResponse("orig-c-101", null, DEBTOR_CHANNEL, DEBTOR_UNIQUE_ID), AT);
        var noActionId = translator.translate(originateResponse(null, 4, DEBTOR_CHANNEL, DEBTOR_UNIQUE_ID), AT);
        var noChannel = translator.translate(originateResponse("orig-c-101", 4, null, DEBTOR_UNIQUE_ID), AT);

        assertEquals(Optional.empty(), noReason);
        assertEquals(Optional.empty(), noActionId);
        assertEquals(Optional.empty(), noChannel);
    }

    @Test
    void hangupOfTheAnsweredLegByUniqueIdGivesEnded() {
        answered("c-101");

        var result = translator.translate(hangup("Local/renamed;1", DEBTOR_UNIQUE_ID), AT);

        assertEquals(Optional.of(new CallEvent.Ended("c-101", AT)), result);
        assertEquals(0, registry.size());
    }

    @Test
    void hangupOfTheAnsweredLegByChannelGivesEndedWhenUniqueIdIsMissing() {
        answered("c-101");

        var result = translator.translate(hangup(DEBTOR_CHANNEL, null), AT);

        assertEquals(Optional.of(new CallEvent.Ended("c-101", AT)), result);
    }

    @Test
    void hangupOfOtherLegsAndFieldlessHangupsAreIgnored() {
        answered("c-101");

        var otherHalf = translator.translate(hangup("Local/+14155550123@debtors-00000007;2", "1795330182.15"), AT);
        var empty = translator.translate(hangup(null, null), AT);

        assertEquals(Optional.empty(), otherHalf);
        assertEquals(Optional.empty(), empty);
        assertEquals(1, registry.size());
    }

    @Test
    void debtorAloneInABridgeAfterRedirectIsNotBridgedUntilTheAgentEnters() {
        answered("c-101");
        registry.redirected("c-101", "2001");

        var alone = translator.translate(bridgeEnter("bridge-1", DEBTOR_CHANNEL, DEBTOR_UNIQUE_ID), AT);
        var agent = translator.translate(bridgeEnter("bridge-1", "Local/2001@dialer-agents-00000578;1",
                "1795330190.32"), AT.plusMillis(1));

        assertEquals(Optional.empty(), alone, "the debtor alone in a bridge is no conversation");
        assertEquals(Optional.of(new CallEvent.Bridged("c-101", AT.plusMillis(1), "2001")), agent);
    }

    @Test
    void debtorJoiningABridgeWhereTheAgentWaitsGivesBridgedToTheAgentsExtension() {
        answered("c-101");
        translator.translate(bridgeEnter("bridge-1", "PJSIP/2002-0000000a", "1795330190.30"), AT);

        var result = translator.translate(bridgeEnter("bridge-1", DEBTOR_CHANNEL, DEBTOR_UNIQUE_ID), AT);

        assertEquals(Optional.of(new CallEvent.Bridged("c-101", AT, "2002")), result);
    }

    @Test
    void agentJoiningTheDebtorsBridgeLaterGivesBridgedOnTheAgentsEntry() {
        answered("c-101");
        var first = translator.translate(bridgeEnter("bridge-1", DEBTOR_CHANNEL, DEBTOR_UNIQUE_ID), AT);

        var second = translator.translate(bridgeEnter("bridge-1", "PJSIP/2003-0000000b", "1795330190.31"), AT.plusSeconds(1));

        assertEquals(Optional.empty(), first);
        assertEquals(Optional.of(new CallEvent.Bridged("c-101", AT.plusSeconds(1), "2003")), second);
    }

    @Test
    void bridgesOfUnknownChannelsAndFieldlessBridgeEntriesAreIgnored() {
        answered("c-101");

        var strangers = translator.translate(bridgeEnter("bridge-9", "PJSIP/3000-00000001", "1.1"), AT);
        var noBridge = translator.translate(bridgeEnter(null, DEBTOR_CHANNEL, DEBTOR_UNIQUE_ID), AT);

        assertEquals(Optional.empty(), strangers);
        assertEquals(Optional.empty(), noBridge);
    }

    @Test
    void amdResultIsRecordedButIsNoCallEvent() {
        answered("c-1201");
        var amd = new AmdResultEvent(this);
        amd.setUniqueId(DEBTOR_UNIQUE_ID);
        amd.setAmdStatus("MACHINE");

        var result = translator.translate(amd, AT);

        assertEquals(Optional.empty(), result);
        assertEquals(Optional.of("MACHINE"), registry.amdStatusOf("c-1201"));
    }

    @Test
    void eventsOfOtherKindsAreIgnored() {
        answered("c-101");
        var newChannel = new NewChannelEvent(this);
        newChannel.setChannel(DEBTOR_CHANNEL);

        var result = translator.translate(newChannel, AT);

        assertTrue(result.isEmpty());
    }

    @Test
    void extensionIsTakenFromTheChannelResource() {
        assertEquals("2001", AmiEventTranslator.extensionOf("PJSIP/2001-0000000a"));
        assertEquals("2001", AmiEventTranslator.extensionOf("Local/2001@dialer-agents-00000001;1"));
        assertEquals("SIP", AmiEventTranslator.extensionOf("SIP"));
    }

    private void answered(String callId) {
        registry.placed(callId);
        translator.translate(originateResponse("orig-" + callId, 4, DEBTOR_CHANNEL, DEBTOR_UNIQUE_ID), AT);
    }

    private OriginateResponseEvent originateResponse(String actionId, Integer reason, String channel, String uniqueId) {
        var event = new OriginateResponseEvent(this);
        event.setActionId(actionId);
        event.setReason(reason);
        event.setChannel(channel);
        event.setUniqueId(uniqueId);
        event.setResponse(reason != null && reason == 4 ? "Success" : "Failure");
        return event;
    }

    private HangupEvent hangup(String channel, String uniqueId) {
        var event = new HangupEvent(this);
        event.setChannel(channel);
        event.setUniqueId(uniqueId);
        event.setCause(16);
        return event;
    }

    private BridgeEnterEvent bridgeEnter(String bridgeId, String channel, String uniqueId) {
        var event = new BridgeEnterEvent(this);
        event.setBridgeUniqueId(bridgeId);
        event.setChannel(channel);
        event.setUniqueId(uniqueId);
        return event;
    }
}
