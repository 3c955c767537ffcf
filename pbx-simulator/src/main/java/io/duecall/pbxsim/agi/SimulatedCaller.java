package io.duecall.pbxsim.agi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The person on a simulated line, working through a {@link CallerScript}, on the call's own timeline: each command
 * lasts as long as its prompt or wait (or until the key that ends it), and the time the script spends between
 * commands is read from {@code clock}. As on Asterisk 22, a key is heard only by a command that reads digits at the
 * moment the key is released and lets that key through; a key released at any other moment is lost, never kept for
 * a later command. Every pause ends early when the channel leaves the AGI.
 */
final class SimulatedCaller {
    static final Duration PROMPT = Duration.ofMillis(1500);
    static final Duration KEY_DELAY = Duration.ofMillis(600);

    /** How one command went: the key that ended it, if any, and how long it ran. */
    record Heard(Optional<Character> key, Duration ran) {
    }

    /**
     * The script sent something while a command that watches the socket (a prompt, a wait for a key, a digit entry)
     * was running: as res_agi does, the command stops at once and writes no result line.
     */
    static final class CutShort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CutShort() {
            super("the script spoke during the command", null, false, false);
        }
    }

    private final Deque<CallerScript.Action> actions = new ArrayDeque<>();
    private final double timeScale;
    private final Clock clock;
    private final CountDownLatch gone = new CountDownLatch(1);
    private final java.util.function.BooleanSupplier scriptSpeaking;
    /** Counted down when the running command must stop early: the channel left, or the script spoke. */
    private volatile CountDownLatch stop = new CountDownLatch(1);
    private Instant commandArrivedAt;
    /** The call's time since the session started. */
    private Duration now = Duration.ZERO;
    /** When the caller last did something; a key pressed without waiting is timed from here. */
    private Duration lastAction = Duration.ZERO;
    private Instant idleSince;
    private int keysHeard;
    private int keysLost;

    /** @param scriptSpeaking true while the script has sent bytes the session has not read yet */
    SimulatedCaller(CallerScript script, double timeScale, Clock clock, java.util.function.BooleanSupplier scriptSpeaking) {
        script.actions().forEach(a -> actions.add(CallerScript.Action.of(a)));
        this.timeScale = timeScale;
        this.clock = clock;
        this.scriptSpeaking = scriptSpeaking;
        this.idleSince = clock.instant();
        this.commandArrivedAt = idleSince;
    }

    SimulatedCaller(CallerScript script, double timeScale, Clock clock) {
        this(script, timeScale, clock, () -> false);
    }

    /** A command arrived: the time since the last reply passes, and keys released meanwhile are lost. */
    synchronized void commandArrives() {
        commandArrivedAt = clock.instant();
        var idle = Duration.between(idleSince, commandArrivedAt);
        if (idle.isPositive()) {
            now = now.plus(idle);
        }
        while (releaseOfNextBargingKey().filter(release -> release.compareTo(now) <= 0).isPresent()) {
            lose(actions.poll());
        }
    }

    /** The command's reply went out; from now on the script is thinking. */
    synchronized void replied() {
        idleSince = clock.instant();
    }

    /** Spends a pending hang-up: true when the caller hangs up as this command arrives. */
    synchronized boolean hangsUpNow() {
        var next = actions.peek();
        if (next != null && next.what() == 'h') {
            actions.poll();
            return true;
        }
        return false;
    }

    /** Plays a prompt of this length; it hears the keys in {@code escapeDigits}. */
    Heard listenTo(Duration playback, String escapeDigits) {
        return run(playback, escapeDigits, false, true);
    }

    /** Waits up to {@code timeout} (negative: without limit) for a key in {@code accepted}; a silence action is spent. */
    Optional<Character> awaitKey(Duration timeout, String accepted) {
        return run(timeout.isNegative() ? null : timeout, accepted, true, true).key();
    }

    /**
     * A command that reads no digits and does not watch the socket (EXEC Wait, EXEC Playback) runs this long; keys
     * released meanwhile are lost.
     */
    void deaf(Duration length) {
        run(length, "", false, false);
    }

    /** The channel left the AGI: every pause ends now. */
    void leave() {
        gone.countDown();
        stop.countDown();
    }

    /** The script sent something: a command watching the socket stops. */
    void scriptSpoke() {
        stop.countDown();
    }

    boolean isGone() {
        return gone.getCount() == 0;
    }

    /** Keys pressed without waiting to be asked that a command heard. */
    synchronized int keysHeard() {
        return keysHeard;
    }

    /** Keys pressed without waiting to be asked that were released while nothing read them. */
    synchronized int keysLost() {
        return keysLost;
    }

    private Heard run(Duration length, String accepted, boolean waitsForInput, boolean watchesScript) {
        if (watchesScript && scriptSpeaking.getAsBoolean()) {
            throw new CutShort();
        }
        var stopper = watchesScript ? new CountDownLatch(1) : gone;
        stop = stopper;
        if (watchesScript && scriptSpeaking.getAsBoolean() || isGone()) {
            stopper.countDown();
        }
        Optional<Character> key = Optional.empty();
        Duration ran;
        synchronized (this) {
            var start = now;
            var end = length == null ? null : start.plus(length);
            var at = (Duration) null;
            var silence = false;
            while (at == null && !actions.isEmpty()) {
                var next = actions.peek();
                var release = releaseOfNextBargingKey();
                if (release.isPresent()) {
                    if (end != null && release.get().compareTo(end) > 0) {
                        break;
                    }
                    actions.poll();
                    lastAction = release.get();
                    if (accepted.indexOf(next.what()) >= 0) {
                        keysHeard++;
                        key = Optional.of(next.what());
                        at = release.get();
                    } else {
                        keysLost++;
                    }
                } else if (next.what() == 't') {
                    silence = waitsForInput;
                    break;
                } else if (waitsForInput && next.isKey() && accepted.indexOf(next.what()) >= 0
                        && (length == null || KEY_DELAY.compareTo(length) <= 0)) {
                    actions.poll();
                    key = Optional.of(next.what());
                    at = start.plus(KEY_DELAY);
                    lastAction = at;
                } else {
                    break;
                }
            }
            now = at != null ? at : end != null ? end : start;
            if (silence) {
                actions.poll();
                lastAction = now;
            }
            ran = now.minus(start);
        }
        await(stopper, key.isEmpty() && length == null ? null : ran);
        if (watchesScript && !isGone() && scriptSpeaking.getAsBoolean()) {
            synchronized (this) {
                var start = now.minus(ran);
                var elapsed = Duration.between(commandArrivedAt, clock.instant());
                elapsed = elapsed.isNegative() ? Duration.ZERO : elapsed;
                now = start.plus(length == null || elapsed.compareTo(ran) < 0 ? elapsed : ran);
            }
            throw new CutShort();
        }
        return new Heard(key, ran);
    }

    /** When the next action is a key pressed without waiting: the moment it is released. */
    private Optional<Duration> releaseOfNextBargingKey() {
        var next = actions.peek();
        return next == null || next.after().isEmpty() ? Optional.empty() : Optional.of(lastAction.plus(next.after().get()));
    }

    private void lose(CallerScript.Action key) {
        lastAction = lastAction.plus(key.after().orElseThrow());
        keysLost++;
    }

    /** Waits this long in simulated time (null: until stopped), or until {@code stopper} is counted down. */
    private void await(CountDownLatch stopper, Duration simulated) {
        try {
            if (simulated == null) {
                stopper.await();
            } else {
                stopper.await(scaled(simulated).toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leave();
        }
    }

    private Duration scaled(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() * timeScale));
    }
}
