package io.duecall.sim.portfolio;

import io.duecall.adapter.time.VirtualClock;
import io.duecall.app.CallSessions;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A PBX and the people it reaches, in virtual time: each originate schedules what happens to the call (ringing, the
 * answer, the hang-up) on an event queue that the simulation drains in time order. An answered call runs the real
 * IVR flow ({@link ReminderFlow}) against a {@link SimulatedDebtor}, so the engine hears the right-party check, what
 * was disclosed, promises and opt-outs exactly as from Asterisk. It drives the engine through the same ports the AMI
 * adapter and the IVR use.
 */
public final class PortfolioPbx implements CallOriginator {
    private record Scheduled(Instant at, long sequence, Runnable action) {}

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            (a, b) -> a.at.equals(b.at) ? Long.compare(a.sequence, b.sequence) : a.at.compareTo(b.at));
    private final VirtualClock clock;
    private final Random random;
    private final DebtorBehaviour behaviour;
    private CallSessions sessions;
    private ReminderFlow ivr;
    private Consumer<CallEvent> listener = e -> {};
    private long sequence;
    private int up;
    private int peakUp;

    public PortfolioPbx(VirtualClock clock, long seed, DebtorBehaviour behaviour) {
        this.clock = clock;
        this.random = new Random(seed);
        this.behaviour = behaviour;
    }

    /** Answered calls run the real reminder flow against these sessions (the engine). */
    public void answerWith(CallSessions engine) {
        this.sessions = engine;
        this.ivr = new ReminderFlow(engine, Duration.ofSeconds(5));
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
        if (random.nextDouble() >= behaviour.answerRate()) {
            double draw = random.nextDouble();
            if (draw < behaviour.busyShare()) {
                notConnected(id, now.plusSeconds(6), CallOutcome.BUSY);
            } else if (draw < behaviour.busyShare() + behaviour.failedShare()) {
                notConnected(id, now.plusSeconds(2), random.nextBoolean() ? CallOutcome.FAILED : CallOutcome.CONGESTION);
            } else {
                notConnected(id, now.plusSeconds(25), CallOutcome.NO_ANSWER);
            }
            return;
        }
        var answered = now.plusSeconds(5 + random.nextInt(15));
        var plan = plan();
        at(answered, () -> listener.accept(new CallEvent.Answered(id, clock.instant(), "Virtual/" + id)));
        at(answered.plusSeconds(1), () -> converse(id, plan));
        var talk = 20 + random.nextInt(60);
        at(answered.plusSeconds(talk), () -> {
            up--;
            listener.accept(new CallEvent.Ended(id, clock.instant()));
        });
    }

    private SimulatedDebtor.Plan plan() {
        if (random.nextDouble() < behaviour.machineShare()) {
            return SimulatedDebtor.Plan.MACHINE;
        }
        double person = random.nextDouble();
        if (person < behaviour.wrongPartyShare()) {
            return SimulatedDebtor.Plan.WRONG_PARTY;
        }
        if (person < behaviour.wrongPartyShare() + behaviour.hangUpAtGreetingShare()) {
            return SimulatedDebtor.Plan.HANG_UP_AT_GREETING;
        }
        double debtor = random.nextDouble();
        if (debtor < behaviour.promiseShare()) {
            return SimulatedDebtor.Plan.PROMISE;
        }
        if (debtor < behaviour.promiseShare() + behaviour.optOutShare()) {
            return SimulatedDebtor.Plan.OPT_OUT;
        }
        if (debtor < behaviour.promiseShare() + behaviour.optOutShare() + behaviour.hangUpAfterAmountShare()) {
            return SimulatedDebtor.Plan.HANG_UP_AFTER_AMOUNT;
        }
        return SimulatedDebtor.Plan.NO_ANSWER_TO_MENU;
    }

    /** The IVR's side of the call: the real flow, against the person the plan describes. */
    private void converse(String callId, SimulatedDebtor.Plan plan) {
        var call = sessions.find(callId);
        if (call.isEmpty()) {
            return;
        }
        var person = call.get().locationCall() && plan != SimulatedDebtor.Plan.MACHINE
                ? SimulatedDebtor.Plan.WRONG_PARTY : plan;
        ivr.run(call.get(), new SimulatedDebtor(person, call.get().account().secondFactor()));
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
        throw new UnsupportedOperationException("the simulated PBX has no agents");
    }

    @Override
    public void hangup(String callId) {}

    @Override
    public void close() {}
}
