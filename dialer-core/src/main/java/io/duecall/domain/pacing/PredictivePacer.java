package io.duecall.domain.pacing;

/**
 * Predictive dialing: places a call only while the predicted chance that it finds no agent, should it be answered
 * live, stays within the abandon budget left. The prediction weighs every agent's elapsed talk or wrap-up time and
 * every ringing call's age against the campaign's own estimated distributions; the budget is the target share of
 * today's live answers not yet spent, so the pacer slows before the day's rate is exceeded, not after. The forecast's
 * chances are scaled by how many abandons they promised against how many happened ({@link ForecastCalibration}), so
 * the per-call threshold, the pacer's price of an abandon, can stay steady through the day.
 */
public final class PredictivePacer implements Pacer {
    private static final double MIN_SD = 0.3;
    private static final double SMOOTHING = 0.005;
    private static final double GAIN = 0.01;
    private static final double MIN_THRESHOLD = 0.001;
    private static final double MAX_THRESHOLD = 0.5;
    /** Up to this many busy agents, ringing and new calls the chance is computed exactly, beyond it as normal. */
    private static final int EXACT_TERMS = 200;
    private static final double CALIBRATION_HORIZON = 2000;
    /** The live-answer rate of the day is measured over at least this long, so the first minutes do not set it. */
    private static final double MIN_RATE_SECONDS = 600;
    private final PredictiveConfig config;
    private final AbandonBudget budget;
    private final CampaignEstimates estimates = new CampaignEstimates();
    private final OriginateRateLimit rate;
    private final AnswerForecast forecast;
    private final MarginDistribution margins = new MarginDistribution(AnswerForecast.POINTS);
    private final ForecastCalibration calibration = new ForecastCalibration(CALIBRATION_HORIZON);
    private double threshold;
    private long decisions;
    private long fewAgents;
    private long learning;
    private long overLimit;
    private long callsAhead;
    private double predictedRate;
    private double dayStartedAt = Double.NaN;

    public PredictivePacer(PredictiveConfig config) {
        this.config = config;
        this.budget = new AbandonBudget(config);
        this.rate = new OriginateRateLimit(config.originatesPerSecond(), Math.max(1, config.originatesPerSecond()));
        this.forecast = new AnswerForecast(estimates, config.thresholdSeconds());
        this.threshold = config.abandonTarget();
        this.predictedRate = config.abandonTarget();
    }

    public CampaignEstimates estimates() {
        return estimates;
    }

    /** The abandon budget the pacer aims by. */
    AbandonBudget budget() {
        return budget;
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
        boolean newDay = calibration.update(s.counters());
        double liveLeft = liveAnswersLeft(s, newDay);
        int lines = s.callsRinging() + s.answeredWaiting();
        int room = Math.min(config.maxLinesPerAgent() * s.loggedInAgents() - lines, s.freeChannels());
        if (room <= 0) {
            return 0;
        }
        int progressive = Math.min(s.uncoveredAgents(), room);
        int wanted = progressive;
        decisions++;
        if (s.loggedInAgents() < config.minAgents()) {
            fewAgents++;
        } else if (estimates.resolvedCalls() < config.minObservations()) {
            learning++;
        } else if (budget.overLimit(s.counters())) {
            overLimit++;
        } else {
            wanted = Math.max(wanted, predicted(s, room, liveLeft));
        }
        int placed = rate.take(s.now(), wanted);
        callsAhead += Math.max(0, placed - progressive);
        return placed;
    }

    /**
     * What the pacer has done so far: its decisions, how many of them it took as progressive because too few agents
     * were logged in, too few calls had resolved for its estimates, or the abandon limit was clearly passed, and how
     * many calls it placed beyond the agents ready for them (the calls progressive pacing would not have placed).
     */
    public record Activity(long decisions, long fewAgents, long learning, long overLimit, long callsAhead) {}

    public Activity activity() {
        return new Activity(decisions, fewAgents, learning, overLimit, callsAhead);
    }

    /**
     * How many calls can be added while the last one's chance of being abandoned, should it be answered live, stays
     * within the budget. That chance is averaged over when it would be answered: at each answer point the agents free
     * by then (ready now, or ending talk plus wrap-up or wrap-up in time) are set against the live answers before it
     * (calls waiting, ringing calls and the calls added with it), their difference taken as normal. Every ringing and
     * new call weighs its own live chance when the snapshot predicts one, the campaign's share when it does not.
     */
    private int predicted(PacingSnapshot s, int room, double liveLeft) {
        forecast.prepare(s.now());
        int n = AnswerForecast.POINTS;
        double[] margin = new double[n];
        double[] var = new double[n];
        forecast.accumulate(s.talkElapsed(), s.wrapElapsed(), s.ringingAges(), s.ringingChances(), margin, var);
        for (int i = 0; i < n; i++) {
            margin[i] += s.readyAgents() - s.answeredWaiting();
        }
        double aim = budget.allowedChance(s.counters(), liveLeft);
        int busy = s.talkElapsed().length + s.wrapElapsed().length;
        if (busy + s.callsRinging() + room <= EXACT_TERMS) {
            return exact(s, room, aim);
        }
        // the calls added so far: those with a chance of their own summed, those with the campaign's share counted
        double[] ownMean = new double[n];
        double[] ownVar = new double[n];
        double share = estimates.liveProbability();
        int shared = 0;
        int k = 0;
        while (k < room) {
            double chance = 0;
            for (int i = 0; i < n; i++) {
                double a = share * forecast.answeredShare(i);
                double sd = Math.sqrt(Math.max(var[i] + (ownVar[i] + shared * a * (1 - a)), MIN_SD * MIN_SD));
                chance += Normal.cdf((0.5 - margin[i] + (ownMean[i] + shared * a)) / sd);
            }
            chance /= n;
            if (chance > threshold) {
                break;
            }
            double own = s.nextChance(k);
            double p = estimates.liveChance(own);
            k++;
            placed(p, chance, aim);
            if (Double.isNaN(own)) {
                shared++;
                continue;
            }
            for (int i = 0; i < n; i++) {
                double a = p * forecast.answeredShare(i);
                ownMean[i] += a;
                ownVar[i] += a * (1 - a);
            }
        }
        return k;
    }

    /** As above, with the exact distribution of the margin instead of its normal approximation. */
    private int exact(PacingSnapshot s, int room, double aim) {
        int n = AnswerForecast.POINTS;
        margins.start(s.readyAgents() - s.answeredWaiting(), s.talkElapsed().length + s.wrapElapsed().length,
                s.callsRinging() + room);
        forecast.accumulate(s.talkElapsed(), s.wrapElapsed(), s.ringingAges(), s.ringingChances(), margins);
        int k = 0;
        while (k < room) {
            double chance = 0;
            for (int i = 0; i < n; i++) {
                chance += margins.none(i);
            }
            chance /= n;
            if (chance > threshold) {
                break;
            }
            double p = estimates.liveChance(s.nextChance(k));
            k++;
            placed(p, chance, aim);
            for (int i = 0; i < n; i++) {
                margins.add(i, -1, p * forecast.answeredShare(i));
            }
        }
        return k;
    }

    /**
     * A call with live chance {@code live} was placed with this chance of finding no agent: the calibration expects its
     * abandons, and the threshold is steered. Every call counts alike in the steering: weighing each by its live chance
     * (its share of the abandons expected) was measured and made the threshold noisier, with a 5-agent day over 3%.
     */
    private void placed(double live, double chance, double aim) {
        calibration.expect(live * chance);
        steer(calibration.factor() * chance, aim);
    }

    /**
     * The per-call threshold is steered so that the predicted abandon chance averaged over the calls placed (most
     * carry far less than the threshold) meets the aim: smooth, because it follows predictions, not the few abandons.
     */
    private void steer(double chance, double aim) {
        predictedRate += SMOOTHING * (chance - predictedRate);
        threshold *= Math.exp(GAIN * (aim - predictedRate) / config.abandonTarget());
        threshold = Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, threshold));
    }

    /**
     * The live answers the rest of the day should bring: today's live answers per second since the day's first
     * decision ({@code newDay}: this decision's counters are a new day's), times the seconds the campaign may still
     * dial; NaN when the end of the day is unknown.
     */
    private double liveAnswersLeft(PacingSnapshot s, boolean newDay) {
        if (Double.isNaN(dayStartedAt) || newDay || s.now() < dayStartedAt) {
            dayStartedAt = s.now();
        }
        if (Double.isNaN(s.secondsLeftToday())) {
            return Double.NaN;
        }
        long live = s.counters().liveAnswersToday();
        return live / Math.max(MIN_RATE_SECONDS, s.now() - dayStartedAt) * s.secondsLeftToday();
    }
}
