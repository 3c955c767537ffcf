package io.duecall.sim.optimum;

import io.duecall.domain.pacing.Pacer;
import io.duecall.domain.pacing.PacingSnapshot;

/**
 * Runs a {@link MarkovOptimum} in the simulator: at each decision it looks up the state (agents talking, agents
 * wrapping up, calls ringing or waiting) and tops the calls in flight up to the policy's target. The optimum's two
 * policies are time-shared: in every cycle of {@link #CYCLE_SECONDS} the one that places more runs first for its share
 * of the cycle, then the other. Drawing one of them at every decision instead would not mix them in that proportion:
 * lines the bolder policy places are not withdrawn when the other is drawn, so the mix would behave close to the bolder
 * policy alone. It knows the true model, so it is a benchmark, not a product.
 */
public final class OptimalMarkovPacer implements Pacer {
    /** Long beside the talk, wrap-up and ring times, so each policy runs near its own long-run figures. */
    static final double CYCLE_SECONDS = 600;
    private final MarkovOptimum optimum;

    public OptimalMarkovPacer(MarkovOptimum optimum) {
        this.optimum = optimum;
    }

    @Override
    public int callsToPlace(PacingSnapshot s) {
        double phase = s.now() / CYCLE_SECONDS - Math.floor(s.now() / CYCLE_SECONDS);
        var policy = phase < optimum.shareOfAbove() ? optimum.above() : optimum.below();
        int talking = s.talkElapsed().length;
        int wrapping = s.wrapElapsed().length;
        if (s.loggedInAgents() != policy.agents() || talking + wrapping > policy.agents()) {
            return Math.min(s.uncoveredAgents(), s.freeChannels());
        }
        int lines = s.callsRinging() + s.answeredWaiting();
        int wanted = policy.targetLines(talking, wrapping, lines) - lines;
        return Math.max(0, Math.min(wanted, s.freeChannels()));
    }
}
