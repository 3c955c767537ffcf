package io.duecall.domain.pacing;

/**
 * Settings of the predictive pacer.
 *
 * @param abandonLimit the legal cap on abandons over live answers (0.03)
 * @param abandonTarget the share the pacer aims at each day, below the limit to leave room for chance
 * @param thresholdSeconds how long an answered caller may wait for an agent before the call counts as abandoned
 * @param maxLinesPerAgent most calls ringing or waiting per logged-in agent
 * @param originatesPerSecond the trunk's originate-rate limit
 * @param minAgents below this many logged-in agents the pacer dials progressively
 * @param minObservations below this many resolved calls the pacer dials progressively
 * @param budgetHorizon live answers over which unspent (or overspent) abandon budget is spread
 */
public record PredictiveConfig(double abandonLimit, double abandonTarget, double thresholdSeconds, int maxLinesPerAgent,
        double originatesPerSecond, int minAgents, int minObservations, double budgetHorizon) {

    public PredictiveConfig {
        if (!(abandonLimit > 0 && abandonLimit < 1)) {
            throw new IllegalArgumentException("pacing.abandonLimit: " + abandonLimit + " (expected 0 < limit < 1)");
        }
        if (!(abandonTarget > 0 && abandonTarget <= abandonLimit)) {
            throw new IllegalArgumentException("pacing.abandonTarget: " + abandonTarget + " (expected > 0 and <= abandonLimit "
                    + abandonLimit + ")");
        }
        if (!(thresholdSeconds >= 0 && thresholdSeconds <= 2)) {
            throw new IllegalArgumentException("pacing.thresholdSeconds: " + thresholdSeconds + " (expected 0 to 2)");
        }
        if (maxLinesPerAgent <= 0) {
            throw new IllegalArgumentException("pacing.maxLinesPerAgent: " + maxLinesPerAgent + " (expected > 0)");
        }
        if (!(originatesPerSecond > 0)) {
            throw new IllegalArgumentException("pacing.originatesPerSecond: " + originatesPerSecond + " (expected > 0)");
        }
        if (minAgents <= 0 || minObservations < 0) {
            throw new IllegalArgumentException("pacing.minAgents: " + minAgents + ", pacing.minObservations: "
                    + minObservations + " (expected minAgents > 0, minObservations >= 0)");
        }
        if (!(budgetHorizon >= 1)) {
            throw new IllegalArgumentException("pacing.budgetHorizon: " + budgetHorizon + " (expected >= 1)");
        }
    }

    /** 3% limit aimed at 2.5%, 2 s threshold, 3 lines per agent, 10 originates a second. */
    public static PredictiveConfig defaults() {
        return new PredictiveConfig(0.03, 0.025, 2.0, 3, 10.0, 2, 30, 100);
    }

    public PredictiveConfig withMaxLinesPerAgent(int lines) {
        return new PredictiveConfig(abandonLimit, abandonTarget, thresholdSeconds, lines, originatesPerSecond, minAgents,
                minObservations, budgetHorizon);
    }

    public PredictiveConfig withAbandonTarget(double target) {
        return new PredictiveConfig(abandonLimit, target, thresholdSeconds, maxLinesPerAgent, originatesPerSecond, minAgents,
                minObservations, budgetHorizon);
    }

    public PredictiveConfig withOriginatesPerSecond(double perSecond) {
        return new PredictiveConfig(abandonLimit, abandonTarget, thresholdSeconds, maxLinesPerAgent, perSecond, minAgents,
                minObservations, budgetHorizon);
    }
}
