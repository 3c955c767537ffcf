package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AmiCallRegistryTest {
    private final AmiCallRegistry registry = new AmiCallRegistry();

    @Test
    void agentRequestWaitsForTheAnswerEventStillInFlight() throws Exception {
        registry.placed("c-1");
        var waiting = new CountDownLatch(1);

        var channel = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return registry.awaitChannel("c-1", Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await(5, TimeUnit.SECONDS);
        registry.answered("c-1", "Local/1@debtors-00000001;1", "1795330182.14");

        assertEquals(Optional.of("Local/1@debtors-00000001;1"), channel.get(30, TimeUnit.SECONDS));
    }

    @Test
    void unknownCallHasNoChannelToWaitFor() throws InterruptedException {
        assertEquals(Optional.empty(), registry.awaitChannel("c-unknown", Duration.ofSeconds(30)));
    }

    @Test
    void callThatNeverAnswersGivesUpAfterTheTimeout() throws InterruptedException {
        registry.placed("c-2");

        assertEquals(Optional.empty(), registry.awaitChannel("c-2", Duration.ofMillis(1)));
    }

    @Test
    void ivrChannelServesTheRedirectUntilTheAnswerEventNamesTheChannel() throws InterruptedException {
        registry.placed("c-3");
        registry.ivrChannel("c-3", "Local/3@debtors-00000003;1");

        assertEquals(Optional.of("Local/3@debtors-00000003;1"), registry.awaitChannel("c-3", Duration.ofMillis(1)));
        assertEquals(Optional.empty(), registry.callIdForLeg(null, "Local/3@debtors-00000003;1"),
                "events are matched by the event-named channel only");

        registry.answered("c-3", "Local/3@debtors-00000009;1", "1795330182.15");
        assertEquals(Optional.of("Local/3@debtors-00000009;1"), registry.awaitChannel("c-3", Duration.ofMillis(1)));
    }

    @Test
    void ivrChannelOfAnUnknownCallIsIgnored() throws InterruptedException {
        registry.ivrChannel("c-unknown", "Local/3@debtors-00000003;1");

        assertEquals(Optional.empty(), registry.awaitChannel("c-unknown", Duration.ofMillis(1)));
    }

    @Test
    void onlyPlainChannelNamesAreTakenFromTheIvr() {
        org.junit.jupiter.api.Assertions.assertTrue(AmiCallOriginator.plainChannelName("PJSIP/trunk-0000002a"));
        org.junit.jupiter.api.Assertions.assertTrue(AmiCallOriginator.plainChannelName("Local/1@debtors-00000001;1"));
        org.junit.jupiter.api.Assertions.assertFalse(AmiCallOriginator.plainChannelName("PJSIP/x\r\nAction: Hangup"));
        org.junit.jupiter.api.Assertions.assertFalse(AmiCallOriginator.plainChannelName("PJSIP/a b"));
        org.junit.jupiter.api.Assertions.assertFalse(AmiCallOriginator.plainChannelName("no-technology"));
        org.junit.jupiter.api.Assertions.assertFalse(AmiCallOriginator.plainChannelName(""));
        org.junit.jupiter.api.Assertions.assertFalse(AmiCallOriginator.plainChannelName(null));
        org.junit.jupiter.api.Assertions.assertFalse(AmiCallOriginator.plainChannelName("PJSIP/" + "x".repeat(300)));
    }
}
