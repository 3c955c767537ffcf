package io.duecall.sim.portfolio;

import io.duecall.adapter.time.VirtualClock;
import io.duecall.app.CallSessions;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.window.DebtorZones;
import io.duecall.sim.habits.HabitProfile;
import io.duecall.sim.habits.Habits;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
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
    private final Map<E164, Debtor> debtors = new HashMap<>();
    private Habits habits;
    private long habitSeed;
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

    /** Who answers a number: the kind of person, the phone type and the zone their hours are kept in. */
    private record Debtor(HabitProfile profile, PhoneType type, ZoneId zone) {}

    /**
     * People answer by their hidden habits (the hour of their own week, their kind, the phone type) instead of one
     * answer rate; the engine never sees {@code habits}. The debtors must be made known with {@link #know}.
     */
    public void answerByHabits(Habits habits, long seed) {
        this.habits = habits;
        this.habitSeed = seed;
    }

    /** Makes an account's own numbers known, so their calls are answered by the account's habits. */
    public void know(Account account) {
        if (habits == null) {
            return;
        }
        var profile = habits.profileOf(account.id().value(), habitSeed);
        for (var phone : account.phones()) {
            var zones = DebtorZones.of(account, phone.number());
            var zone = zones.stream().min(java.util.Comparator.comparing(ZoneId::getId)).orElse(ZoneOffset.UTC);
            debtors.put(phone.number(), new Debtor(profile, phone.type(), zone));
        }
    }

    /** The true chance that a person answers {@code number} at {@code at}; empty without habits or for a stranger. */
    public java.util.OptionalDouble trueAnswer(E164 number, Instant at) {
        return slotOf(number, at).map(slot -> trueAnswer(number, slot)).orElse(java.util.OptionalDouble.empty());
    }

    /** The true chance that a person answers {@code number} in a slot of their week; empty for a stranger. */
    public java.util.OptionalDouble trueAnswer(E164 number, ContactSlot slot) {
        var debtor = habits == null ? null : debtors.get(number);
        return debtor == null ? java.util.OptionalDouble.empty() : answerAs(number, debtor.profile(), slot);
    }

    /** The slot of its person's week that {@code at} falls in, in their own zone; empty for a stranger. */
    public java.util.Optional<ContactSlot> slotOf(E164 number, Instant at) {
        var debtor = habits == null ? null : debtors.get(number);
        return debtor == null ? java.util.Optional.empty()
                : java.util.Optional.of(ContactSlot.of(at.atZone(debtor.zone()).toLocalDateTime()));
    }

    /** The kinds of people the habits file describes (empty without habits). */
    public java.util.List<HabitProfile> profiles() {
        return habits == null ? java.util.List.of() : habits.profiles();
    }

    /** The chance that {@code number} would be answered in {@code slot} were its person of kind {@code profile}. */
    public java.util.OptionalDouble answerAs(E164 number, HabitProfile profile, ContactSlot slot) {
        var debtor = habits == null ? null : debtors.get(number);
        return debtor == null ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(habits.answer(profile, debtor.type(), slot));
    }

    /** The share of people answering who turn out to be the debtor and stay to say so. */
    public double rightPartyShareOfPeople() {
        return 1 - behaviour.wrongPartyShare() - behaviour.hangUpAtGreetingShare();
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
        var person = trueAnswer(request.number(), now);
        if (person.isPresent()) {
            originateByHabit(id, now, person.getAsDouble());
            return;
        }
        if (random.nextDouble() >= behaviour.answerRate()) {
            notAnswered(id, now);
            return;
        }
        answer(id, now, plan());
    }

    /** A person answers with their habit's chance; otherwise a machine may, else the call does not connect. */
    private void originateByHabit(String id, Instant now, double personAnswers) {
        if (random.nextDouble() < personAnswers) {
            answer(id, now, personPlan());
        } else if (random.nextDouble() < behaviour.machineShare()) {
            answer(id, now, SimulatedDebtor.Plan.MACHINE);
        } else {
            notAnswered(id, now);
        }
    }

    private void notAnswered(String id, Instant now) {
        double draw = random.nextDouble();
        if (draw < behaviour.busyShare()) {
            notConnected(id, now.plusSeconds(6), CallOutcome.BUSY);
        } else if (draw < behaviour.busyShare() + behaviour.failedShare()) {
            notConnected(id, now.plusSeconds(2), random.nextBoolean() ? CallOutcome.FAILED : CallOutcome.CONGESTION);
        } else {
            notConnected(id, now.plusSeconds(25), CallOutcome.NO_ANSWER);
        }
    }

    private void answer(String id, Instant now, SimulatedDebtor.Plan plan) {
        var answered = now.plusSeconds(5 + random.nextInt(15));
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
        return personPlan();
    }

    /** What a person who picked up does. */
    private SimulatedDebtor.Plan personPlan() {
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
