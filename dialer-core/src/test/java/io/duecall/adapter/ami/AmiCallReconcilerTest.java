package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.adapter.ami.AmiCallReconciler.LiveChannel;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.port.CallEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AmiCallReconcilerTest {
    private static final Instant NOW = Instant.parse("2026-11-24T18:00:00Z");

    private final AmiCallRegistry registry = new AmiCallRegistry();

    private List<CallEvent> decide(List<LiveChannel> live, long lastPlacedBeforeLoss) {
        return AmiCallReconciler.decide(registry, registry.inFlight(), live, lastPlacedBeforeLoss, NOW);
    }

    @Test
    void answeredCallWhoseChannelIsGoneHasEnded() {
        registry.placed("c-1");
        registry.answered("c-1", "PJSIP/trunk-00000001", "duecall-c-1");

        var events = decide(List.of(new LiveChannel("PJSIP/trunk-00000009", "other", true)), 1);

        assertEquals(List.of(new CallEvent.Ended("c-1", NOW)), events);
        assertEquals(0, registry.size());
    }

    @Test
    void answeredCallStillListedByUniqueidOrChannelCarriesOn() {
        registry.placed("c-1");
        registry.answered("c-1", "PJSIP/trunk-00000001", "duecall-c-1");
        registry.placed("c-2");
        registry.answered("c-2", "PJSIP/trunk-00000002", null);

        var events = decide(List.of(new LiveChannel("renamed", "duecall-c-1", true),
                new LiveChannel("PJSIP/trunk-00000002", "1795330182.7", true)), 2);

        assertEquals(List.of(), events);
        assertEquals(Optional.of("PJSIP/trunk-00000001"), registry.channelOf("c-1"));
    }

    @Test
    void unansweredCallWhoseRequestedChannelIsUpWasAnsweredMeanwhile() {
        registry.placed("c-1");

        var events = decide(List.of(new LiveChannel("PJSIP/trunk-00000003", "duecall-c-1", true)), 1);

        assertEquals(List.of(new CallEvent.Answered("c-1", NOW, "PJSIP/trunk-00000003")), events);
        assertEquals(Optional.of("PJSIP/trunk-00000003"), registry.channelOf("c-1"));
    }

    @Test
    void unansweredCallStillRingingWaitsForItsOriginateResponse() {
        registry.placed("c-1");

        var events = decide(List.of(new LiveChannel("PJSIP/trunk-00000003", "duecall-c-1", false)), 1);

        assertEquals(List.of(), events);
        assertEquals(1, registry.size());
    }

    @Test
    void unansweredCallPlacedBeforeTheLossWithNoChannelNeverConnected() {
        registry.placed("c-1");

        var events = decide(List.of(), 1);

        assertEquals(List.of(new CallEvent.NotConnected("c-1", NOW, CallOutcome.FAILED)), events);
    }

    @Test
    void unansweredCallPlacedSinceTheReturnIsLeftAlone() {
        registry.placed("c-1");
        registry.placed("c-2");

        var events = decide(List.of(), 1);

        assertEquals(List.of(new CallEvent.NotConnected("c-1", NOW, CallOutcome.FAILED)), events);
        assertEquals(1, registry.size());
    }

    @Test
    void callAnEventThreadAlreadyReportedIsNotReportedAgain() {
        registry.placed("c-1");
        registry.answered("c-1", "PJSIP/trunk-00000001", "duecall-c-1");
        var snapshot = registry.inFlight();
        registry.forget("c-1");

        var events = AmiCallReconciler.decide(registry, snapshot, List.of(), 1, NOW);

        assertEquals(List.of(), events);
    }
}
