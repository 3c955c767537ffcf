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
}
