package io.duecall.sim;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.pacing.AbandonCounters;
import io.duecall.domain.pacing.AbandonLedger;
import io.duecall.domain.pacing.CallObservation;
import io.duecall.domain.pacing.Pacer;
import io.duecall.domain.pacing.PacingSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;

/** The state of one simulated day; used once by {@link CampaignSimulator#run}. Hot loop: primitive arrays only. */
final class SimDay {
    private static final int RESOLVE = 0, ABANDON = 1, TALK_END = 2, WRAP_END = 3, TICK = 4, BREAK = 5, BACK = 6;
    private static final int READY = 0, TALK = 1, WRAP = 2, PAUSED = 3, OUT = 4;
    private static final int LIVE = 0, MACHINE = 1, NO_ANSWER = 2, LIVE_AS_MACHINE = 3;
    private static final int RINGING = 0, WAITING = 1, BRIDGED = 2, DONE = 3;
    private static final CampaignId CAMPAIGN = new CampaignId("sim");

    private final SimConfig c;
    private final DialGate gate;
    private final Consumer<Attempt> ledger;
    private final Pacer pacer;
    private final long seed;
    private final AbandonLedger abandons;
    private final LocalDate day;
    private final AbandonCounters before;
    private final EventQueue events = new EventQueue();
    private final int[] agentState;
    private final double[] agentSince;
    private final int[] agentCall;
    private final boolean[] breakDue;
    private final IntQueue ready = new IntQueue();
    private final IntQueue waiting = new IntQueue();
    private int paused;
    private int out;
    private int talking;
    private int wrapping;
    // calls
    private int calls;
    private long[] account = new long[4096];
    private int[] outcome = new int[4096];
    private int[] state = new int[4096];
    private double[] orig = new double[4096];
    private double[] resolve = new double[4096];
    private double[] bridged = new double[4096];
    private double[] talk = new double[4096];
    private double[] wrap = new double[4096];
    private int[] agentOf = new int[4096];
    private int[] ringPos = new int[4096];
    private int[] ringing = new int[256];
    private int ringingCount;
    private long nextAccount;
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
        int n = c.agents();
        agentState = new int[n];
        agentSince = new double[n];
        agentCall = new int[n];
        breakDue = new boolean[n];
        f = new Figures(c);
    }

    DayResult run() {
        for (int a = 0; a < c.agents(); a++) {
            ready.add(a);
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
            f.lines(now, ringingCount + waiting.size());
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
        int loggedIn = c.agents() - paused - out;
        double[] talkElapsed = new double[talking];
        double[] wrapElapsed = new double[wrapping];
        int ti = 0;
        int wi = 0;
        for (int a = 0; a < agentState.length; a++) {
            if (agentState[a] == TALK) {
                talkElapsed[ti++] = now - agentSince[a];
            } else if (agentState[a] == WRAP) {
                wrapElapsed[wi++] = now - agentSince[a];
            }
        }
        double[] ages = new double[ringingCount];
        for (int i = 0; i < ringingCount; i++) {
            ages[i] = now - orig[ringing[i]];
        }
        var counters = new AbandonCounters(f.live, f.abandons, before.liveAnswers30Days() + f.live,
                before.abandons30Days() + f.abandons);
        var snapshot = new PacingSnapshot(now, loggedIn, ready.size(), 0, talkElapsed, wrapElapsed, ages,
                waiting.size(), ringingCount + waiting.size() + talking, c.channelLimit(), counters,
                Math.max(0, c.shiftSeconds() - now));
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
        var r = CampaignSimulator.debtorStream(seed, k);
        double u = r.nextDouble();
        double ring = c.population().liveRing().sample(r);
        double hold = c.population().failHold().sample(r);
        double talkTime = c.population().talk().sample(r);
        double wrapTime = c.population().wrap().sample(r);
        double fp = r.nextDouble();
        double p = c.population().live(now);
        int id = newCall();
        account[id] = k;
        orig[id] = now;
        talk[id] = talkTime;
        wrap[id] = wrapTime;
        agentOf[id] = -1;
        bridged[id] = Double.NaN;
        double amd = c.population().amdSeconds();
        if (u < p && ring < c.ringTimeout()) {
            outcome[id] = fp < c.population().amdFalsePositive() ? LIVE_AS_MACHINE : LIVE;
            resolve[id] = outcome[id] == LIVE ? now + ring : now + ring + amd;
        } else if (u < p + c.population().machineShare() && ring < c.ringTimeout()) {
            outcome[id] = MACHINE;
            resolve[id] = now + ring + amd;
        } else {
            outcome[id] = NO_ANSWER;
            resolve[id] = now + Math.min(hold, c.ringTimeout());
        }
        state[id] = RINGING;
        ringPos[id] = ringingCount;
        if (ringingCount == ringing.length) {
            ringing = Arrays.copyOf(ringing, ringingCount * 2);
        }
        ringing[ringingCount++] = id;
        events.push(resolve[id], RESOLVE, id);
        f.originated(now, ringingCount + waiting.size(), Math.max(1, loggedIn));
    }

    private int newCall() {
        if (calls == account.length) {
            int n = calls * 2;
            account = Arrays.copyOf(account, n);
            outcome = Arrays.copyOf(outcome, n);
            state = Arrays.copyOf(state, n);
            orig = Arrays.copyOf(orig, n);
            resolve = Arrays.copyOf(resolve, n);
            bridged = Arrays.copyOf(bridged, n);
            talk = Arrays.copyOf(talk, n);
            wrap = Arrays.copyOf(wrap, n);
            agentOf = Arrays.copyOf(agentOf, n);
            ringPos = Arrays.copyOf(ringPos, n);
        }
        return calls++;
    }

    private void resolved(int id, double now) {
        int last = ringing[--ringingCount];
        ringing[ringPos[id]] = last;
        ringPos[last] = ringPos[id];
        boolean live = outcome[id] == LIVE;
        pacer.observe(new CallObservation.Resolved(now - orig[id], live));
        if (!live) {
            if (outcome[id] == LIVE_AS_MACHINE) {
                abandons.machineFalsePositive(day);
            }
            f.failed(now - orig[id]);
            end(id, now);
            return;
        }
        f.live(now, now - orig[id]);
        if (!ready.isEmpty()) {
            connect(id, ready.poll(), now);
        } else {
            state[id] = WAITING;
            waiting.add(id);
            events.push(now + c.abandonThreshold(), ABANDON, id);
        }
    }

    private void abandonIfWaiting(int id, double now) {
        if (state[id] != WAITING) {
            return;
        }
        waiting.remove(id);
        f.abandoned(resolve[id]);
        abandons.liveAnswer(day, true);
        end(id, now);
    }

    private void connect(int id, int agent, double now) {
        if (state[id] == WAITING) {
            waiting.remove(id);
        }
        state[id] = BRIDGED;
        bridged[id] = now;
        agentOf[id] = agent;
        agentCall[agent] = id;
        agentState[agent] = TALK;
        agentSince[agent] = now;
        talking++;
        f.contact(now - resolve[id]);
        abandons.liveAnswer(day, false);
        events.push(now + talk[id], TALK_END, agent);
    }

    private void talkEnded(int agent, double now) {
        int id = agentCall[agent];
        pacer.observe(new CallObservation.TalkEnded(now - agentSince[agent]));
        f.busy(agentSince[agent], now, true);
        talking--;
        wrapping++;
        agentState[agent] = WRAP;
        agentSince[agent] = now;
        end(id, now);
        events.push(now + wrap[id], WRAP_END, agent);
    }

    private void agentFree(int agent, double now, boolean fromWrap) {
        if (fromWrap) {
            pacer.observe(new CallObservation.WrapEnded(now - agentSince[agent]));
            f.busy(agentSince[agent], now, false);
            wrapping--;
        }
        agentSince[agent] = now;
        if (now >= c.shiftSeconds() && ringingCount == 0 && waiting.isEmpty()) {
            agentState[agent] = OUT;
            out++;
        } else if (breakDue[agent]) {
            breakDue[agent] = false;
            agentState[agent] = PAUSED;
            paused++;
            events.push(now + c.breakSeconds(), BACK, agent);
        } else {
            agentState[agent] = READY;
            while (!waiting.isEmpty()) {
                int id = waiting.poll();
                if (state[id] == WAITING) {
                    waiting.addFirst(id);
                    connect(id, agent, now);
                    return;
                }
            }
            ready.add(agent);
        }
    }

    private void startBreak(int agent, double now) {
        if (agentState[agent] == READY && ready.remove(agent)) {
            agentState[agent] = PAUSED;
            paused++;
            events.push(now + c.breakSeconds(), BACK, agent);
        } else {
            breakDue[agent] = true;
        }
    }

    private void back(int agent, double now) {
        paused--;
        agentFree(agent, now, false);
    }

    /** After the shift no call is placed; agents leave once the calls still ringing have no one left to reach. */
    private void shiftOver(double now) {
        while (!ready.isEmpty() && ringingCount == 0 && waiting.isEmpty()) {
            int a = ready.poll();
            agentState[a] = OUT;
            out++;
        }
    }

    private void end(int id, double now) {
        int previous = state[id];
        state[id] = DONE;
        if (ledger != null) {
            ledger.accept(attempt(id, previous, now));
        }
    }

    private Attempt attempt(int id, int previous, double now) {
        var acct = CampaignSimulator.account(account[id], c);
        var originated = at(orig[id]);
        boolean answered = outcome[id] != NO_ANSWER;
        var callOutcome = switch (outcome[id]) {
            case LIVE -> CallOutcome.ANSWERED;
            case NO_ANSWER -> CallOutcome.NO_ANSWER;
            default -> CallOutcome.MACHINE;
        };
        boolean abandoned = outcome[id] == LIVE && previous == WAITING;
        var disposition = switch (outcome[id]) {
            case LIVE -> abandoned ? Disposition.ABANDONED : Disposition.AGENT_CONVERSATION;
            case NO_ANSWER -> Disposition.NOT_CONNECTED;
            default -> Disposition.MACHINE;
        };
        double answerAt = outcome[id] == LIVE ? resolve[id] : resolve[id] - c.population().amdSeconds();
        return new Attempt("sim-" + seed + "-" + id, CAMPAIGN, acct.id(), acct.phones().getFirst().number(), c.zone(),
                originated.atZone(c.zone()).toLocalDateTime(), originated, answered ? at(answerAt) : null,
                Double.isNaN(bridged[id]) ? null : at(bridged[id]), at(Math.max(now, resolve[id])), callOutcome,
                disposition, agentOf[id] < 0 ? null : "agent-" + agentOf[id], abandoned, null, null, null, null);
    }

    private Instant at(double seconds) {
        return c.dayStart().plusNanos((long) (seconds * 1e9));
    }
}
