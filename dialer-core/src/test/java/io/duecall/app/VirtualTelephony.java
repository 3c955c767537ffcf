package io.duecall.app;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A PBX and its callers in virtual time for engine tests: each originate schedules what happens to the call (seeded
 * by the number and attempt), including the IVR's side of the conversation, on an event queue the test drains.
 */
final class VirtualTelephony implements CallOriginator {
    private record Scheduled(Instant at, long sequence, Runnable action) {}

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            (a, b) -> a.at.equals(b.at) ? Long.compare(a.sequence, b.sequence) : a.at.compareTo(b.at));
    private final MutableClock clock;
    private final Random random;
    private CallSessions ivr;
    private Consumer<CallEvent> listener = e -> {};
    private long sequence;
    private int up;
    int peakUp;

    VirtualTelephony(MutableClock clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
    }

    void answerWith(CallSessions sessions) {
        this.ivr = sessions;
    }

    @Override
    public void onEvent(Consumer<CallEvent> listener) {
        this.listener = listener;
    }

    @Override
    public void originate(CallRequest request) {
        up++;
        peakUp = Math.max(peakUp, up);
        var id = request.callId();
        var now = clock.instant();
        double draw = random.nextDouble();
        if (draw < 0.25) {
            notConnected(id, now.plusSeconds(25), CallOutcome.NO_ANSWER);
        } else if (draw < 0.35) {
            notConnected(id, now.plusSeconds(6), CallOutcome.BUSY);
        } else if (draw < 0.40) {
            notConnected(id, now.plusSeconds(2), CallOutcome.FAILED);
        } else {
            var answered = now.plusSeconds(8);
            at(answered, () -> listener.accept(new CallEvent.Answered(id, clock.instant(), "Local/sim-" + id + ";1")));
            var verdict = draw < 0.55 ? Disposition.MACHINE : humanVerdict();
            at(answered.plusSeconds(1), () -> ivr.find(id));
            at(answered.plusSeconds(45), () -> conclude(id, verdict));
            at(answered.plusSeconds(46), () -> {
                up--;
                listener.accept(new CallEvent.Ended(id, clock.instant()));
            });
        }
    }

    private Disposition humanVerdict() {
        var verdicts = new Disposition[] {Disposition.PROMISE_TO_PAY, Disposition.PROMISE_TO_PAY,
            Disposition.NO_COMMITMENT, Disposition.THIRD_PARTY, Disposition.HUNG_UP, Disposition.NO_INPUT,
            Disposition.OPTED_OUT};
        return verdicts[random.nextInt(verdicts.length)];
    }

    private void conclude(String callId, Disposition verdict) {
        var call = ivr.find(callId);
        if (call.isEmpty()) {
            return;
        }
        if (verdict == Disposition.PROMISE_TO_PAY) {
            ivr.recordPromise(callId, call.get().account().amountDue(), call.get().debtorTime().toLocalDate().plusDays(2));
        }
        ivr.finished(callId, verdict);
    }

    private void notConnected(String id, Instant when, CallOutcome outcome) {
        at(when, () -> {
            up--;
            listener.accept(new CallEvent.NotConnected(id, clock.instant(), outcome));
        });
    }

    private void at(Instant when, Runnable action) {
        queue.add(new Scheduled(when, sequence++, action));
    }

    /** Runs everything due up to {@code until}, moving the clock to each event's time. */
    void runUntil(Instant until) {
        while (!queue.isEmpty() && !queue.peek().at.isAfter(until)) {
            var next = queue.poll();
            if (next.at.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.at));
            }
            next.action.run();
        }
        if (until.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), until));
        }
    }

    @Override
    public void bridgeToAgent(String callId, String agentExtension) {
        throw new UnsupportedOperationException("no agents in virtual campaign days");
    }

    @Override
    public void hangup(String callId) {}

    @Override
    public void close() {}
}
