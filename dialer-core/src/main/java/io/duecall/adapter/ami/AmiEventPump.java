package io.duecall.adapter.ami;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves wanted manager events off asterisk-java's dispatch thread into a bounded queue that one worker thread drains.
 * The dispatch thread never blocks: when the queue is full the event is dropped, counted, and logged once per burst.
 */
final class AmiEventPump implements ManagerEventListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmiEventPump.class);

    private record Received(ManagerEvent event, Instant at) {}

    private final BlockingQueue<Received> queue;
    private final Clock clock;
    private final Predicate<ManagerEvent> wanted;
    private final BiConsumer<ManagerEvent, Instant> handler;
    private final Thread worker;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedInBurst = new AtomicLong();
    private final AtomicBoolean dropping = new AtomicBoolean();
    private volatile boolean running = true;

    AmiEventPump(int capacity, Clock clock, Predicate<ManagerEvent> wanted, BiConsumer<ManagerEvent, Instant> handler) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.clock = clock;
        this.wanted = wanted;
        this.handler = handler;
        this.worker = Thread.ofPlatform().name("ami-events").daemon().unstarted(this::drain);
    }

    void start() {
        worker.start();
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event == null || !wanted.test(event)) {
            return;
        }
        if (queue.offer(new Received(event, clock.instant()))) {
            if (dropping.compareAndSet(true, false)) {
                log.warn("AMI event queue accepts events again after dropping {}", droppedInBurst.getAndSet(0));
            }
            return;
        }
        dropped.incrementAndGet();
        droppedInBurst.incrementAndGet();
        if (dropping.compareAndSet(false, true)) {
            log.warn("AMI event queue is full ({} events); dropping events until the worker catches up",
                    queue.remainingCapacity() + queue.size());
        }
    }

    long droppedEvents() {
        return dropped.get();
    }

    private void drain() {
        while (running) {
            Received next;
            try {
                next = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next != null) {
                handle(next);
            }
        }
    }

    private void handle(Received received) {
        try {
            handler.accept(received.event(), received.at());
        } catch (RuntimeException e) {
            log.warn("Failed to handle AMI event {}", received.event().getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
