package io.duecall.sim;

import io.duecall.domain.pacing.Pacer;
import io.duecall.domain.pacing.PacingSnapshot;
import java.util.SplittableRandom;

/**
 * A fixed ratio of lines per ready agent with randomized rounding, so that the expected number of lines grows
 * smoothly with the ratio even with few agents: the benchmark's hindsight baseline, bisected on the ratio.
 */
final class FractionalPowerPacer implements Pacer {
    private final double ratio;
    private final SplittableRandom random = new SplittableRandom(7);

    FractionalPowerPacer(double ratio) {
        this.ratio = ratio;
    }

    @Override
    public int callsToPlace(PacingSnapshot s) {
        double target = ratio * s.readyAgents();
        long lines = (long) Math.floor(target) + (random.nextDouble() < target - Math.floor(target) ? 1 : 0);
        long wanted = lines - s.callsRinging() - s.answeredWaiting();
        return (int) Math.max(0, Math.min(wanted, s.freeChannels()));
    }
}
