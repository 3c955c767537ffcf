package io.duecall.domain.pacing;

/**
 * Predictive dialing: places a call only while the predicted chance that it finds no agent, should it be answered
 * live, stays within the abandon budget left. The prediction weighs every agent's elapsed talk or wrap-up time and
 * every ringing call's age against the campaign's own estimated distributions; the budget is the target share of
 * today's live answers not yet spent, so the pacer slows before the day's rate is exceeded, not after.
 */
public final class PredictivePacer implements Pacer {
    private static final double MIN_SD = 0.3;
    private final PredictiveConfig config;
    private final CampaignEstimates estimates = new CampaignEstimates();
    private final OriginateRateLimit rate;

    public PredictivePacer(PredictiveConfig config) {
        this.config = config;
        this.rate = new OriginateRateLimit(config.originatesPerSecond(), Math.max(1, config.originatesPerSecond()));
    }

    public CampaignEstimates estimates() {
        return estimates;
    }

    @Override
    public void observe(CallObservation observation) {
        estimates.observe(observation);
    }

    @Override
    public int callsToPlace(PacingSnapshot s) {
        if (s.loggedInAgents() == 0) {
            return 0;
        }
        int lines = s.callsRinging() + s.answeredWaiting();
        int room = Math.min(config.maxLinesPerAgent() * s.loggedInAgents() - lines, s.freeChannels());
        if (room <= 0) {
            return 0;
        }
        int wanted = Math.min(s.uncoveredAgents(), room);
        if (s.loggedInAgents() >= config.minAgents() && estimates.resolvedCalls() >= config.minObservations()) {
            wanted = Math.max(wanted, predicted(s, room));
        }
        return rate.take(s.now(), wanted);
    }

    /** How many calls can be added with each one's abandon chance within the budget. */
    private int predicted(PacingSnapshot s, int room) {
        estimates.refresh(s.now());
        double p = estimates.liveProbability();
        double ring = estimates.liveRing().mean();
        double horizon = ring + config.thresholdSeconds();
        double wrapMean = estimates.wrap().mean();
        // spare = agents free when a call placed now is answered, less the live answers that reach them first
        double spare = s.readyAgents() - s.answeredWaiting();
        double var = 0;
        for (double e : s.talkElapsed()) {
            double q = estimates.talk().endsWithin(e, horizon - wrapMean);
            spare += q;
            var += q * (1 - q);
        }
        for (double e : s.wrapElapsed()) {
            double q = estimates.wrap().endsWithin(e, horizon);
            spare += q;
            var += q * (1 - q);
        }
        for (double age : s.ringingAges()) {
            double d = estimates.liveWithin(age, ring);
            spare -= d;
            var += d * (1 - d);
        }
        double ahead = p * estimates.liveRing().cdf(ring);
        double allowed = allowedChance(s.counters());
        int k = 0;
        while (k < room) {
            double chance = Normal.cdf((0.5 - spare) / Math.sqrt(Math.max(var, MIN_SD * MIN_SD)));
            if (chance > allowed) {
                break;
            }
            k++;
            spare -= ahead;
            var += ahead * (1 - ahead);
        }
        return k;
    }

    /**
     * The abandon chance a new call may carry: the daily target, plus the budget saved so far (or less the budget
     * overspent) spread over the next {@code budgetHorizon} live answers.
     */
    double allowedChance(AbandonCounters c) {
        double day = config.abandonTarget() * c.liveAnswersToday() - c.abandonsToday();
        double rolling = config.abandonLimit() * c.liveAnswers30Days() - c.abandons30Days();
        double bank = Math.min(day, rolling);
        return Math.max(0, Math.min(0.5, config.abandonTarget() + bank / config.budgetHorizon()));
    }
}
