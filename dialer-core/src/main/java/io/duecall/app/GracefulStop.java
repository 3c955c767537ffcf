package io.duecall.app;

import io.duecall.port.Pause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Stops a dialer without losing a call: dialing stops at once; calls in flight are let finish for up to
 * {@code grace}; then (or as soon as {@code hurry} says so, a second signal) the PBX is asked to hang up what is left,
 * and whatever has still not ended the ring timeout and {@link #HANG_UP_WAIT} later is closed as {@code INTERRUPTED}. Every call ends
 * with its ledger line written (or in the journal, if Redis is away) and its account back in the queue.
 */
public final class GracefulStop {
    /** How long hung-up calls get to report their end (beyond the ring timeout) before they are closed as they stand. */
    public static final Duration HANG_UP_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    /** What the stop found and did. */
    public record Report(int inFlightAtStop, int endedByThemselves, int hungUp, int closedInterrupted,
            int linesWaiting, int journalWaiting, boolean hurried, Duration took) {
        public String describe() {
            return "drained %d call(s) in flight: %d ended by themselves, %d asked to hang up%s, %d closed as INTERRUPTED; "
                    .formatted(inFlightAtStop, endedByThemselves, hungUp, hurried ? " on a second signal" : "",
                            closedInterrupted)
                    + (linesWaiting + journalWaiting == 0 ? "every ledger line written"
                            : linesWaiting + " ledger line(s) wait in memory and " + journalWaiting
                                    + " entr(ies) in the journal for Redis")
                    + " (" + took.toMillis() / 1000.0 + " s)";
        }
    }

    private final DialerEngine engine;
    private final Clock clock;
    private final Pause pause;

    public GracefulStop(DialerEngine engine, Clock clock, Pause pause) {
        this.engine = engine;
        this.clock = clock;
        this.pause = pause;
    }

    /** The grace a campaign's calls need: its ring time and longest call, the longest of the engine's campaigns. */
    public static Duration graceFor(DialerEngine engine) {
        return engine.campaigns().stream().map(c -> c.ringTimeout().plus(c.maxCallDuration()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private Duration longestRing() {
        return engine.campaigns().stream().map(c -> c.ringTimeout()).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public Report stop(Duration grace, BooleanSupplier hurry) throws InterruptedException {
        var start = clock.instant();
        engine.stopDialing();
        int atStop = engine.callsInFlight();
        var deadline = start.plus(grace);
        int hungUp = 0;
        int endedBefore = atStop;
        Instant closeBy = null;
        boolean hurried = false;
        while (engine.callsInFlight() > 0) {
            var now = clock.instant();
            if (closeBy == null && (hurry.getAsBoolean() || !now.isBefore(deadline))) {
                hurried = now.isBefore(deadline);
                endedBefore = atStop - engine.callsInFlight();
                hungUp = engine.hangUpAll();
                // Ringing calls are asked to hang up too (by the Uniqueid their originate gave them); one the PBX
                // cannot find ends at its ring timeout at the latest, so that much is still waited for.
                closeBy = now.plus(HANG_UP_WAIT).plus(longestRing());
            }
            if (closeBy != null && !now.isBefore(closeBy)) {
                break;
            }
            pause.sleep(POLL);
        }
        if (closeBy == null) {
            endedBefore = atStop;
        }
        int interrupted = engine.callsInFlight() > 0 ? engine.closeAllNow() : 0;
        // Lines left in the outbox (Redis away) get one more chance; the journal keeps them for the next start.
        engine.upkeep();
        return new Report(atStop, endedBefore, hungUp, interrupted, engine.ledgerLinesWaiting(),
                engine.journalEntriesWaiting(), hurried, Duration.between(start, clock.instant()));
    }
}
