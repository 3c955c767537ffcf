package io.duecall.domain.pacing;

/**
 * The predictive pacer's abandon budget: the rate to aim at for the rest of the day, from today's and the rolling 30
 * days' live answers and abandons against the target and the limit, and whether the limit is clearly passed.
 */
final class AbandonBudget {
    private final PredictiveConfig config;

    AbandonBudget(PredictiveConfig config) {
        this.config = config;
    }

    /**
     * Clearly past the limit today or over 30 days (by more than two standard deviations of chance, so a few early
     * abandons do not trip it), only calls that cannot be abandoned are placed, whatever the threshold.
     */
    boolean overLimit(AbandonCounters c) {
        return clearlyOver(c.abandonsToday(), c.liveAnswersToday()) || clearlyOver(c.abandons30Days(), c.liveAnswers30Days());
    }

    private boolean clearlyOver(long abandons, long live) {
        double allowed = config.abandonLimit() * live;
        return abandons > allowed + 2 * Math.sqrt(Math.max(allowed, 1));
    }

    /** As {@link #allowedChance(AbandonCounters, double)} when the end of the day is unknown. */
    double allowedChance(AbandonCounters c) {
        return allowedChance(c, Double.NaN);
    }

    /**
     * The abandon rate to aim at: the daily target, plus the budget saved so far (or less the budget overspent) spread
     * over the live answers the rest of the day should bring ({@code liveLeft}), at least {@code budgetHorizon} (a
     * quarter of it when overspent), and at most halfway from the target to the limit. Spreading over the rest of the
     * day keeps the pacer's price of an abandon steady, which is what pays best, while the corrections grow as the day
     * ends, which keeps each day under the limit. When the end of the day is unknown, savings are spread over as many
     * live answers as today has had and an overspent budget is paid back over a quarter of {@code budgetHorizon}.
     */
    double allowedChance(AbandonCounters c, double liveLeft) {
        double day = config.abandonTarget() * c.liveAnswersToday() - c.abandonsToday();
        double rolling = config.abandonLimit() * c.liveAnswers30Days() - c.abandons30Days();
        double bank = Math.min(day, rolling);
        double h = config.budgetHorizon();
        double ahead = Double.isNaN(liveLeft) ? (bank < 0 ? 0 : c.liveAnswersToday()) : liveLeft;
        double spread = Math.max(bank < 0 ? h / 4 : h, ahead);
        double aim = Math.min(config.abandonTarget() + bank / spread,
                (config.abandonTarget() + config.abandonLimit()) / 2);
        // and it never plans to use up the abandons the limit leaves over the next horizon, less one sd of chance
        double room = config.abandonLimit() * (c.liveAnswersToday() + h) - c.abandonsToday();
        double guard = (room - Math.sqrt(Math.max(room, 1))) / h;
        return Math.max(0, Math.min(Math.min(config.abandonLimit(), guard), aim));
    }
}
