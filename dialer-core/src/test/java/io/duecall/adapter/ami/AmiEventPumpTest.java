package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

class AmiEventPumpTest {
    private static final Instant AT = Instant.parse("2025-03-04T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);

    @Test
    void fullQueueDropsAndCountsEventsWithoutBlockingTheCaller() throws InterruptedException {
        var workerBusy = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var handled = new CountDownLatch(2);
        try (var pump = new AmiEventPump(1, CLOCK, e -> true, (event, at) -> {
            workerBusy.countDown();
            await(release);
            handled.countDown();
        })) {
            pump.start();
            pump.onManagerEvent(new HangupEvent(this));
            assertTrue(workerBusy.await(5, TimeUnit.SECONDS));

            pump.onManagerEvent(new HangupEvent(this));
            for (int i = 0; i < 3; i++) {
                pump.onManagerEvent(new HangupEvent(this));
            }

            assertEquals(3, pump.droppedEvents());
            release.countDown();
            assertTrue(handled.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void unwantedEventsNeverReachTheQueueAndHandlerFailuresDoNotStopTheWorker() throws InterruptedException {
        List<ManagerEvent> seen = new CopyOnWriteArrayList<>();
        var secondHandled = new CountDownLatch(2);
        try (var pump = new AmiEventPump(10, CLOCK, e -> e instanceof HangupEvent, (event, at) -> {
            seen.add(event);
            secondHandled.countDown();
            if (seen.size() == 1) {
                throw new IllegalStateException("translation bug");
            }
        })) {
            pump.start();

            pump.onManagerEvent(new NewChannelEvent(this));
            pump.onManagerEvent(new HangupEvent(this));
            pump.onManagerEvent(new HangupEvent(this));

            assertTrue(secondHandled.await(5, TimeUnit.SECONDS));
            assertEquals(2, seen.size());
            assertTrue(seen.stream().allMatch(HangupEvent.class::isInstance));
            assertEquals(0, pump.droppedEvents());
        }
    }

    @Test
    void aFloodLargerThanTheQueueIsCountedAsDroppedAndTheWorkerKeepsHandlingEvents() throws InterruptedException {
        var handled = new java.util.concurrent.atomic.AtomicLong();
        var release = new CountDownLatch(1);
        var afterFlood = new CountDownLatch(1);
        var drained = new java.util.concurrent.Semaphore(0);
        try (var pump = new AmiEventPump(100, CLOCK, e -> true, (event, at) -> {
            await(release);
            handled.incrementAndGet();
            drained.release();
            if (event instanceof NewChannelEvent) {
                afterFlood.countDown();
            }
        })) {
            pump.start();
            int flood = 20_000;
            for (int i = 0; i < flood; i++) {
                pump.onManagerEvent(new HangupEvent(this));
            }
            int kept = (int) (flood - pump.droppedEvents());
            release.countDown();
            assertTrue(drained.tryAcquire(kept, 10, TimeUnit.SECONDS), "the worker drains the " + kept + " kept events");

            pump.onManagerEvent(new NewChannelEvent(this));

            assertTrue(afterFlood.await(10, TimeUnit.SECONDS), "an event after the flood is still handled");
            assertTrue(pump.droppedEvents() >= flood - 101, "dropped: " + pump.droppedEvents());
            assertEquals(flood + 1, handled.get() + pump.droppedEvents());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
