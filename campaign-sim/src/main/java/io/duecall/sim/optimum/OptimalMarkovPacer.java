package io.duecall.sim.optimum;

import io.duecall.domain.pacing.Pacer;
import io.duecall.domain.pacing.PacingSnapshot;
import java.util.SplittableRandom;

/**
 * Runs a {@link MarkovOptimum} in the simulator: at each decision it looks up the state (agents talking, agents
 * wrapping up, calls ringing or waiting) and tops the calls in flight up to the policy's target, choosing between the
 * two policies of the optimum at random in its proportion. It knows the true model, so it is a benchmark, not a product.
 */
public final class OptimalMarkovPacer implements Pacer {
    private final MarkovOptimum optimum;
    private final SplittableRandom random;

    public OptimalMarkovPacer(MarkovOptimum optimum, long seed) {
        this.optimum = optimum;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int callsToPlace(PacingSnapshot s) {
        var policy = random.nextDouble() < optimum.shareOfAbove() ? optimum.above() : optimum.below();
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
