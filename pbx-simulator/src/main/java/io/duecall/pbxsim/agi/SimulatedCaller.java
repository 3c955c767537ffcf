package io.duecall.pbxsim.agi;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The person on a simulated line, working through a {@link CallerScript}. A key waits for a moment when it is
 * asked for (barging into a prompt only if the key may interrupt it); {@code t} is spent by one wait for input;
 * {@code h} is spent by the next command. Every pause ends early when the channel leaves the AGI.
 */
final class SimulatedCaller {
    static final Duration PROMPT = Duration.ofMillis(1500);
    static final Duration KEY_DELAY = Duration.ofMillis(600);

    private final Deque<Character> actions = new ArrayDeque<>();
    private final double timeScale;
    private final CountDownLatch gone = new CountDownLatch(1);

    SimulatedCaller(CallerScript script, double timeScale) {
        script.actions().forEach(a -> actions.add(a.charAt(0)));
        this.timeScale = timeScale;
    }

    /** Spends a pending hang-up: true when the caller hangs up as this command arrives. */
    synchronized boolean hangsUpNow() {
        if (Character.valueOf('h').equals(actions.peek())) {
            actions.poll();
            return true;
        }
        return false;
    }

    /** Plays a prompt of this length; returns the key that interrupted it, if the caller's next key may. */
    Optional<Character> listenTo(Duration playback, String escapeDigits) {
        var key = takeKeyIf(k -> escapeDigits.indexOf(k) >= 0);
        if (key.isPresent()) {
            pause(KEY_DELAY);
            return key;
        }
        pause(playback);
        return Optional.empty();
    }

    /**
     * Waits up to {@code timeout} (negative: without limit) for a key in {@code accepted}. A silence action is spent
     * by the wait; a key is pressed {@link #KEY_DELAY} into it, or left for later if the wait is shorter than that.
     */
    Optional<Character> awaitKey(Duration timeout, String accepted) {
        var unlimited = timeout.isNegative();
        if (unlimited || scaled(KEY_DELAY).compareTo(scaled(timeout)) <= 0) {
            var key = takeKeyIf(k -> accepted.indexOf(k) >= 0);
            if (key.isPresent()) {
                pause(KEY_DELAY);
                return key;
            }
        }
        takeSilence();
        if (unlimited) {
            awaitGone();
        } else {
            pause(timeout);
        }
        return Optional.empty();
    }

    /** The channel left the AGI: every pause ends now. */
    void leave() {
        gone.countDown();
    }

    boolean isGone() {
        return gone.getCount() == 0;
    }

    private synchronized Optional<Character> takeKeyIf(java.util.function.Predicate<Character> accepts) {
        var next = actions.peek();
        if (next != null && next != 't' && next != 'h' && accepts.test(next)) {
            return Optional.of(actions.poll());
        }
        return Optional.empty();
    }

    private synchronized void takeSilence() {
        if (Character.valueOf('t').equals(actions.peek())) {
            actions.poll();
        }
    }

    private void pause(Duration simulated) {
        try {
            gone.await(scaled(simulated).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leave();
        }
    }

    private void awaitGone() {
        try {
            gone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leave();
        }
    }

    private Duration scaled(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() * timeScale));
    }
}
