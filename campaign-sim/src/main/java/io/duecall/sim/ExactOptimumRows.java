package io.duecall.sim;

import io.duecall.sim.optimum.MarkovOptimum;
import io.duecall.sim.optimum.MarkovPacingModel;
import io.duecall.sim.optimum.OptimalMarkovPacer;
import java.util.List;

/**
 * The exponential benchmark's exact-optimum rows: the Markov model's constrained optimum at 3% and at the predictive
 * pacer's own abandonment (long-run figures of the model), and that optimal policy run on the simulated days.
 * Solved only up to {@link #MAX_AGENTS} agents, beyond which the state space grows too large for seconds.
 */
final class ExactOptimumRows {
    static final int MAX_AGENTS = 30;

    private ExactOptimumRows() {}

    static List<BenchmarkRow> of(PacingBenchmark.Cell cell, double predictiveAbandon) {
        if (cell.agents() > MAX_AGENTS) {
            return List.of();
        }
        var people = cell.config().population();
        var model = MarkovPacingModel.withLinesPerAgent(cell.agents(), cell.live(), people.liveRing().mean(),
                people.talk().mean(), people.wrap().mean());
        var atLimit = MarkovOptimum.solve(model, 0.03);
        var atPredictive = MarkovOptimum.solve(model, Math.max(1e-4, predictiveAbandon));
        return List.of(
                BenchmarkRow.model(cell, "exact optimum 3% (model)", atLimit.occupancy(), atLimit.abandonShare()),
                BenchmarkRow.model(cell, "exact optimum (model)", atPredictive.occupancy(), atPredictive.abandonShare()),
                cell.row("exact optimum (simulated)", () -> new OptimalMarkovPacer(atPredictive)));
    }
}
