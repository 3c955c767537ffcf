package io.duecall.adapter.ami;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager connection's health as our own state rather than asterisk-java's flag, which can stay CONNECTED after
 * a broken pipe (asterisk-java issue #167). Each change from up to lost and back is published once, on
 * {@code notifier}, so listeners never run on the library's threads.
 */
final class AmiConnectionHealth {
    private static final Logger log = LoggerFactory.getLogger(AmiConnectionHealth.class);

    enum State { NOT_YET_UP, UP, LOST }

    private final Clock clock;
    private final Executor notifier;
    private final List<Consumer<AmiConnectionEvent>> listeners = new CopyOnWriteArrayList<>();
    private State state = State.NOT_YET_UP;

    AmiConnectionHealth(Clock clock, Executor notifier) {
        this.clock = clock;
        this.notifier = notifier;
    }

    void addListener(Consumer<AmiConnectionEvent> listener) {
        listeners.add(listener);
    }

    synchronized boolean connected() {
        return state == State.UP;
    }

    synchronized State state() {
        return state;
    }

    /** The first call only records that the connection is up; later ones after a loss publish a restore. */
    void markUp() {
        State before;
        synchronized (this) {
            before = state;
            state = State.UP;
        }
        if (before == State.LOST) {
            log.info("AMI connection restored");
            publish(new AmiConnectionRestored(clock.instant()));
        }
    }

    void markLost(String reason) {
        State before;
        synchronized (this) {
            before = state;
            state = State.LOST;
        }
        if (before == State.UP) {
            log.warn("AMI connection lost: {}", reason);
            publish(new AmiConnectionLost(clock.instant(), reason));
        }
    }

    private void publish(AmiConnectionEvent event) {
        for (var listener : listeners) {
            try {
                notifier.execute(() -> deliver(listener, event));
            } catch (RuntimeException e) {
                log.warn("Could not hand {} to a connection listener", event, e);
            }
        }
    }

    private static void deliver(Consumer<AmiConnectionEvent> listener, AmiConnectionEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.warn("Connection listener failed on {}", event, e);
        }
    }
}
