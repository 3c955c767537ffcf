package io.duecall.sim;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.pacing.AbandonCounters;
import io.duecall.domain.pacing.AbandonLedger;
import io.duecall.domain.pacing.CallObservation;
import io.duecall.domain.pacing.Pacer;
import io.duecall.domain.pacing.PacingSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/** The state of one simulated day; used once by {@link CampaignSimulator#run}. Hot loop: primitive arrays only. */
final class SimDay {
    private static final int RESOLVE = 0, ABANDON = 1, TALK_END = 2, WRAP_END = 3, TICK = 4, BREAK = 5, BACK = 6;
    private static final int READY = SimAgents.READY, TALK = SimAgents.TALK, WRAP = SimAgents.WRAP,
            PAUSED = SimAgents.PAUSED, OUT = SimAgents.OUT;
    private static final int LIVE = SimCalls.LIVE, LIVE_AS_MACHINE = SimCalls.LIVE_AS_MACHINE;
    private static final int WAITING = SimCalls.WAITING, BRIDGED = SimCalls.BRIDGED, DONE = SimCalls.DONE;

    private final SimConfig c;
    private final DialGate gate;
    private final Consumer<Attempt> ledger;
    private final Pacer pacer;
    private final long seed;
    private final AbandonLedger abandons;
    private final LocalDate day;
    private final AbandonCounters before;
    private final EventQueue events = new EventQueue();
    private final SimAgents agents;
    private final IntQueue waiting = new IntQueue();
    private final SimCalls calls = new SimCalls();
    private long nextAccount;
    private final DayChances chances;
    // figures
    private final Figures f;

    SimDay(SimConfig c, DialGate gate, Consumer<Attempt> ledger, Pacer pacer, long seed, AbandonLedger abandons) {
        this.c = c;
        this.gate = gate;
        this.ledger = ledger;
        this.pacer = pacer;
        this.seed = seed;
        this.abandons = abandons;
        this.day = c.dayStart().atZone(c.zone()).toLocalDate();
        var all = abandons.counters(day);
        this.before = all;
        agents = new SimAgents(c.agents());
        f = new Figures(c);
        chances = DayChances.of(c, seed);
    }

    DayResult run() {
        for (int a = 0; a < c.agents(); a++) {
            agents.ready.add(a);
            if (c.breakSeconds() > 0) {
                double at = c.shiftSeconds() * (0.3 + 0.4 * a / Math.max(1, c.agents()));
                events.push(at, BREAK, a);
            }
        }
        events.push(0, TICK, 0);
        while (!events.isEmpty()) {
            double now = events.peekTime();
            int kind = events.peekKind();
            int ref = events.peekRef();
            events.pop();
            f.lines(now, calls.ringing() + waiting.size());
            switch (kind) {
                case RESOLVE -> resolved(ref, now);
                case ABANDON -> abandonIfWaiting(ref, now);
                case TALK_END -> talkEnded(ref, now);
                case WRAP_END -> agentFree(ref, now, true);
                case TICK -> {
                    if (now + c.tickSeconds() < c.shiftSeconds()) {
                        events.push(now + c.tickSeconds(), TICK, 0);
                    }
                }
                case BREAK -> startBreak(ref, now);
                case BACK -> back(ref, now);
                default -> throw new IllegalStateException("event kind " + kind);
            }
            if (now < c.shiftSeconds()) {
                decide(now);
            } else {
                shiftOver(now);
            }
        }
        return f.result(c, nextAccount);
    }

    private void decide(double now) {
        int loggedIn = c.agents() - agents.paused - agents.out;
        double[] talkElapsed = agents.elapsed(SimAgents.TALK, agents.talking, now);
        double[] wrapElapsed = agents.elapsed(SimAgents.WRAP, agents.wrapping, now);
        double[] ages = calls.ringingAges(now);
        var counters = new AbandonCounters(f.live, f.abandons, before.liveAnswers30Days() + f.live,
                before.abandons30Days() + f.abandons);
        var snapshot = new PacingSnapshot(now, loggedIn, agents.ready.size(), 0, talkElapsed, wrapElapsed, ages,
                waiting.size(), calls.ringing() + waiting.size() + agents.talking, c.channelLimit(), counters,
                Math.max(0, c.shiftSeconds() - now), chances.ringing(calls), chances.next(nextAccount, now));
        int wanted = pacer.callsToPlace(snapshot);
        for (int i = 0; i < wanted; i++) {
            dial(now, loggedIn);
        }
    }

    private void dial(double now, int loggedIn) {
        long k = nextAccount++;
        var instant = at(now);
        if (!CampaignSimulator.permitted(gate, CampaignSimulator.account(k, c), instant)) {
            f.skipped++;
            return;
        }
        if (loggedIn == 0) {
            f.originatesWithNoAgent++;
        }
        if (!c.window().permits(instant.atZone(c.zone()))) {
            f.originatesOutsideWindow++;
        }
        int id = calls.place(k, now, c, seed, chances.truth(k, now), chances.told(k, now));
        events.push(calls.resolve[id], RESOLVE, id);
        f.originated(now, calls.ringing() + waiting.size(), Math.max(1, loggedIn));
    }

    private void resolved(int id, double now) {
        calls.stopRinging(id);
        boolean live = calls.outcome[id] == LIVE;
        pacer.observe(new CallObservation.Resolved(now - calls.orig[id], live, calls.told[id]));
        if (!live) {
            if (calls.outcome[id] == LIVE_AS_MACHINE) {
                abandons.machineFalsePositive(day);
            }
            f.failed(now - calls.orig[id]);
            end(id, now);
            return;
        }
        f.live(now, now - calls.orig[id]);
        if (!agents.ready.isEmpty()) {
            connect(id, agents.ready.poll(), now);
        } else {
            calls.state[id] = WAITING;
            waiting.add(id);
            events.push(now + c.abandonThreshold(), ABANDON, id);
        }
    }

    private void abandonIfWaiting(int id, double now) {
        if (calls.state[id] != WAITING) {
            return;
        }
        waiting.remove(id);
        f.abandoned(calls.resolve[id]);
        abandons.liveAnswer(day, true);
        end(id, now);
    }

    private void connect(int id, int agent, double now) {
        if (calls.state[id] == WAITING) {
            waiting.remove(id);
        }
        calls.state[id] = BRIDGED;
        calls.bridged[id] = now;
        calls.agentOf[id] = agent;
        agents.call[agent] = id;
        agents.state[agent] = TALK;
        agents.since[agent] = now;
        agents.talking++;
        f.contact(now - calls.resolve[id]);
        abandons.liveAnswer(day, false);
        events.push(now + calls.talk[id], TALK_END, agent);
    }

    private void talkEnded(int agent, double now) {
        int id = agents.call[agent];
        pacer.observe(new CallObservation.TalkEnded(now - agents.since[agent]));
        f.busy(agents.since[agent], now, true);
        agents.talking--;
        agents.wrapping++;
        agents.state[agent] = WRAP;
        agents.since[agent] = now;
        end(id, now);
        events.push(now + calls.wrap[id], WRAP_END, agent);
    }

    private void agentFree(int agent, double now, boolean fromWrap) {
        if (fromWrap) {
            pacer.observe(new CallObservation.WrapEnded(now - agents.since[agent]));
            f.busy(agents.since[agent], now, false);
            agents.wrapping--;
        }
        agents.since[agent] = now;
        if (now >= c.shiftSeconds() && calls.ringing() == 0 && waiting.isEmpty()) {
            agents.state[agent] = OUT;
            agents.out++;
        } else if (agents.breakDue[agent]) {
            agents.breakDue[agent] = false;
            agents.state[agent] = PAUSED;
            agents.paused++;
            events.push(now + c.breakSeconds(), BACK, agent);
        } else {
            agents.state[agent] = READY;
            while (!waiting.isEmpty()) {
                int id = waiting.poll();
                if (calls.state[id] == WAITING) {
                    waiting.addFirst(id);
                    connect(id, agent, now);
                    return;
                }
            }
            agents.ready.add(agent);
        }
    }

    private void startBreak(int agent, double now) {
        if (agents.state[agent] == READY && agents.ready.remove(agent)) {
            agents.state[agent] = PAUSED;
            agents.paused++;
            events.push(now + c.breakSeconds(), BACK, agent);
        } else {
            agents.breakDue[agent] = true;
        }
    }

    private void back(int agent, double now) {
        agents.paused--;
        agentFree(agent, now, false);
    }

    /** After the shift no call is placed; agents leave once the calls still ringing have no one left to reach. */
    private void shiftOver(double now) {
        while (!agents.ready.isEmpty() && calls.ringing() == 0 && waiting.isEmpty()) {
            int a = agents.ready.poll();
            agents.state[a] = OUT;
            agents.out++;
        }
    }

    private void end(int id, double now) {
        int previous = calls.state[id];
        calls.state[id] = DONE;
        if (ledger != null) {
            ledger.accept(calls.attempt(id, previous, now, c, seed));
        }
    }

    private Instant at(double seconds) {
        return c.dayStart().plusNanos((long) (seconds * 1e9));
    }
}
