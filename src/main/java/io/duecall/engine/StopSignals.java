package io.duecall.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) as requests to stop, counted, instead of the JVM's immediate shutdown: the first starts
 * a graceful stop, a second hurries it. Any other way the JVM shuts down (SIGHUP, say) still releases the wait and
 * holds the JVM until the stop is over.
 */
final class StopSignals {
    private final AtomicInteger received = new AtomicInteger();
    private final CountDownLatch first = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Handles TERM and INT from now on; a platform without them keeps only the shutdown hook. */
    static StopSignals install() {
        var signals = new StopSignals();
        for (var name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> signals.received());
            } catch (IllegalArgumentException notOnThisPlatform) {
                // The shutdown hook below still stops the engine.
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signals.received();
            try {
                signals.stopped.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "duecall-shutdown"));
        return signals;
    }

    void received() {
        received.incrementAndGet();
        first.countDown();
    }

    void awaitFirst() throws InterruptedException {
        first.await();
    }

    /** Whether a second request came after the first. */
    boolean hurried() {
        return received.get() > 1;
    }

    /** The stop is over: a shutdown hook waiting for it lets the JVM go. */
    void stopped() {
        stopped.countDown();
    }
}
