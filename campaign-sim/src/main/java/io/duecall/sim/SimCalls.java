package io.duecall.sim;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.util.Arrays;

/**
 * The calls of one simulated day as parallel primitive arrays indexed by call id (the hot loop allocates nothing per
 * call), the set of those still ringing, and each call's ledger line once it ends.
 */
final class SimCalls {
    static final int LIVE = 0, MACHINE = 1, NO_ANSWER = 2, LIVE_AS_MACHINE = 3;
    static final int RINGING = 0, WAITING = 1, BRIDGED = 2, DONE = 3;
    private static final CampaignId CAMPAIGN = new CampaignId("sim");

    private int count;
    long[] account = new long[4096];
    int[] outcome = new int[4096];
    int[] state = new int[4096];
    double[] orig = new double[4096];
    double[] resolve = new double[4096];
    double[] bridged = new double[4096];
    double[] talk = new double[4096];
    double[] wrap = new double[4096];
    int[] agentOf = new int[4096];
    /** The live chance the pacer was told of each call, NaN when none. */
    double[] told = new double[4096];
    private int[] ringPos = new int[4096];
    private int[] ringing = new int[256];
    private int ringingCount;

    private int add() {
        if (count == account.length) {
            int n = count * 2;
            account = Arrays.copyOf(account, n);
            outcome = Arrays.copyOf(outcome, n);
            state = Arrays.copyOf(state, n);
            orig = Arrays.copyOf(orig, n);
            resolve = Arrays.copyOf(resolve, n);
            bridged = Arrays.copyOf(bridged, n);
            talk = Arrays.copyOf(talk, n);
            wrap = Arrays.copyOf(wrap, n);
            agentOf = Arrays.copyOf(agentOf, n);
            told = Arrays.copyOf(told, n);
            ringPos = Arrays.copyOf(ringPos, n);
        }
        return count++;
    }

    /**
     * Places a call to account {@code k} at {@code now}, whose debtor answers live with chance {@code p} (the pacer
     * was told {@code told}, NaN for nothing): how its debtor answers (a person, a machine, no one; how long it rings,
     * talks and wraps up) is drawn from the account's own random stream, so every pacer compared meets the same
     * debtors. Returns the call's id; it is ringing.
     */
    int place(long k, double now, SimConfig c, long seed, double p, double toldChance) {
        var r = CampaignSimulator.debtorStream(seed, k);
        double u = r.nextDouble();
        double ring = c.population().liveRing().sample(r);
        double hold = c.population().failHold().sample(r);
        double talkTime = c.population().talk().sample(r);
        double wrapTime = c.population().wrap().sample(r);
        double fp = r.nextDouble();
        int id = add();
        told[id] = toldChance;
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
        ring(id);
        return id;
    }

    private void ring(int id) {
        state[id] = RINGING;
        ringPos[id] = ringingCount;
        if (ringingCount == ringing.length) {
            ringing = Arrays.copyOf(ringing, ringingCount * 2);
        }
        ringing[ringingCount++] = id;
    }

    /** The call stopped ringing (the last ringing call takes its place in the set). */
    void stopRinging(int id) {
        int last = ringing[--ringingCount];
        ringing[ringPos[id]] = last;
        ringPos[last] = ringPos[id];
    }

    /** How many calls are ringing. */
    int ringing() {
        return ringingCount;
    }

    /** How long each ringing call has rung at {@code now}. */
    double[] ringingAges(double now) {
        double[] ages = new double[ringingCount];
        for (int i = 0; i < ringingCount; i++) {
            ages[i] = now - orig[ringing[i]];
        }
        return ages;
    }

    /** The live chance the pacer was told of each ringing call, in the order of {@link #ringingAges}. */
    double[] ringingChances() {
        double[] chances = new double[ringingCount];
        for (int i = 0; i < ringingCount; i++) {
            chances[i] = told[ringing[i]];
        }
        return chances;
    }

    /** The ledger line of call {@code id}, which ended at {@code now} after being in state {@code previous}. */
    Attempt attempt(int id, int previous, double now, SimConfig c, long seed) {
        var acct = CampaignSimulator.account(account[id], c);
        var originated = at(c, orig[id]);
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
                originated.atZone(c.zone()).toLocalDateTime(), originated, answered ? at(c, answerAt) : null,
                Double.isNaN(bridged[id]) ? null : at(c, bridged[id]), at(c, Math.max(now, resolve[id])), callOutcome,
                disposition, agentOf[id] < 0 ? null : "agent-" + agentOf[id], abandoned, null, null, null, null);
    }

    private static Instant at(SimConfig c, double seconds) {
        return c.dayStart().plusNanos((long) (seconds * 1e9));
    }
}
