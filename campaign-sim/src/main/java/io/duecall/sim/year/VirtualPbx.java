package io.duecall.sim.year;

import io.duecall.adapter.time.VirtualClock;
import io.duecall.app.CallSessions;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A PBX and the people it reaches, in virtual time: each originate schedules what happens to the call (ringing,
 * the answer, the IVR's side of the conversation, the hang-up) on an event queue that the simulation drains in time
 * order. It drives the real engine through the same ports the AMI adapter and the IVR use.
 */
public final class VirtualPbx implements CallOriginator {
    private record Scheduled(Instant at, long sequence, Runnable action) {}

    private static final Disposition[] HUMAN = {Disposition.PROMISE_TO_PAY, Disposition.PROMISE_TO_PAY,
        Disposition.NO_COMMITMENT, Disposition.THIRD_PARTY, Disposition.HUNG_UP, Disposition.NO_INPUT,
        Disposition.NO_COMMITMENT, Disposition.OPTED_OUT};
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            (a, b) -> a.at.equals(b.at) ? Long.compare(a.sequence, b.sequence) : a.at.compareTo(b.at));
    private final VirtualClock clock;
    private final Random random;
    private final double answerRate;
    private CallSessions ivr;
    private Consumer<CallEvent> listener = e -> {};
    private long sequence;
    private int up;
    private int peakUp;

    public VirtualPbx(VirtualClock clock, long seed, double answerRate) {
        this.clock = clock;
        this.random = new Random(seed);
        this.answerRate = answerRate;
    }

    /** The IVR side of answered calls talks to these sessions (the engine). */
    public void answerWith(CallSessions sessions) {
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
        double rest = 1 - answerRate;
        if (draw < rest * 0.55) {
            notConnected(id, now.plusSeconds(25), CallOutcome.NO_ANSWER);
        } else if (draw < rest * 0.8) {
            notConnected(id, now.plusSeconds(6), CallOutcome.BUSY);
        } else if (draw < rest) {
            notConnected(id, now.plusSeconds(2), random.nextBoolean() ? CallOutcome.FAILED : CallOutcome.CONGESTION);
        } else {
            var answered = now.plusSeconds(5 + random.nextInt(15));
            at(answered, () -> listener.accept(new CallEvent.Answered(id, clock.instant(), "Virtual/" + id)));
            var verdict = random.nextDouble() < 0.25 ? Disposition.MACHINE : HUMAN[random.nextInt(HUMAN.length)];
            at(answered.plusSeconds(1), () -> ivr.find(id));
            var talk = 20 + random.nextInt(60);
            at(answered.plusSeconds(talk), () -> conclude(id, verdict));
            at(answered.plusSeconds(talk + 1), () -> {
                up--;
                listener.accept(new CallEvent.Ended(id, clock.instant()));
            });
        }
    }

    private void conclude(String callId, Disposition drawn) {
        var call = ivr.find(callId);
        if (call.isEmpty()) {
            return;
        }
        // A third-party contact hears the location script, which can only end as a machine or a third party.
        var verdict = call.get().locationCall() && drawn != Disposition.MACHINE ? Disposition.THIRD_PARTY : drawn;
        if (verdict == Disposition.PROMISE_TO_PAY) {
            ivr.recordPromise(callId, call.get().account().amountDue(), call.get().debtorTime().toLocalDate().plusDays(2));
        } else if (verdict == Disposition.OPTED_OUT) {
            ivr.optOut(callId);
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

    /** Runs everything due up to {@code until} in time order, moving the clock to each event, then to {@code until}. */
    public void runUntil(Instant until) {
        while (!queue.isEmpty() && !queue.peek().at.isAfter(until)) {
            var next = queue.poll();
            clock.advanceTo(next.at);
            next.action.run();
        }
        clock.advanceTo(until);
    }

    /** The most calls that were up at once. */
    public int peakUp() {
        return peakUp;
    }

    @Override
    public void bridgeToAgent(String callId, String agentExtension) {
        throw new UnsupportedOperationException("the virtual PBX has no agents");
    }

    @Override
    public void hangup(String callId) {}

    @Override
    public void close() {}
}
