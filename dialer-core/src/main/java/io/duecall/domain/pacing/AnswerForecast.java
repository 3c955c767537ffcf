package io.duecall.domain.pacing;

/**
 * The chances a pacer weighs, at a few answer times spread over the live ring-time distribution: that a talking agent
 * is free again (talk left plus a whole wrap-up) by then, that a wrapping agent is, and that a ringing call has been
 * answered live before. Talk-plus-wrap chances are cached per second of elapsed talk and recomputed when the
 * distributions are refreshed, so one decision costs a few table reads per agent and per ringing call.
 */
final class AnswerForecast {
    static final int POINTS = 6;
    private static final int WRAP_POINTS = 8;
    private static final double REBUILD_EVERY_SECONDS = 10;
    private final CampaignEstimates estimates;
    private final double threshold;
    private final double[] answerAt = new double[POINTS];
    private final double[] answeredShare = new double[POINTS];
    private final double[] wrapAt = new double[WRAP_POINTS];
    private final Table talk = new Table(3600, 1.0);
    private final Table wrap = new Table(900, 1.0);
    private final Table ringing = new Table(120, 0.25);
    private int version;
    private double builtAt = Double.NEGATIVE_INFINITY;

    AnswerForecast(CampaignEstimates estimates, double thresholdSeconds) {
        this.estimates = estimates;
        this.threshold = thresholdSeconds;
    }

    /** Brings the answer times and cached tables up to date with the estimates as of {@code now}. */
    void prepare(double now) {
        estimates.refresh(now);
        if (now - builtAt < REBUILD_EVERY_SECONDS && now >= builtAt) {
            return;
        }
        builtAt = now;
        version++;
        for (int i = 0; i < POINTS; i++) {
            answeredShare[i] = (i + 0.5) / POINTS;
            answerAt[i] = estimates.liveRing().quantile(answeredShare[i]);
        }
        for (int j = 0; j < WRAP_POINTS; j++) {
            wrapAt[j] = estimates.wrap().quantile((j + 0.5) / WRAP_POINTS);
        }
    }

    /** The share of live answers given before answer point {@code i} (the point's own quantile). */
    double answeredShare(int i) {
        return answeredShare[i];
    }

    /**
     * Adds, at every answer point, the agents expected free by then (talking and wrapping) less the ringing calls
     * expected to be answered live before it to {@code margin}, and the Bernoulli variances to {@code var}.
     */
    void accumulate(double[] talkElapsed, double[] wrapElapsed, double[] ringingAges, double[] margin, double[] var) {
        talk.add(talkElapsed, 1, margin, var);
        wrap.add(wrapElapsed, 1, margin, var);
        ringing.add(ringingAges, -1, margin, var);
    }

    /**
     * Convolves, at every answer point, each busy agent's chance to be free by then and each ringing call's chance to
     * be answered live before it into {@code margins}.
     */
    void accumulate(double[] talkElapsed, double[] wrapElapsed, double[] ringingAges, MarginDistribution margins) {
        talk.add(talkElapsed, 1, margins);
        wrap.add(wrapElapsed, 1, margins);
        ringing.add(ringingAges, -1, margins);
    }

    private double compute(Table table, double x, int k) {
        double h = answerAt[k] + threshold;
        if (table == ringing) {
            return estimates.liveWithin(x, answerAt[k]);
        }
        if (table == wrap) {
            return estimates.wrap().endsWithin(x, h);
        }
        double sum = 0;
        for (double w : wrapAt) {
            sum += estimates.talk().endsWithin(x, h - w);
        }
        return sum / WRAP_POINTS;
    }

    /** Chances per answer point for elapsed times in steps of {@code step}, filled lazily for the current version. */
    private final class Table {
        private final double step;
        private final double[] rows;
        private final int[] stamp;

        Table(double maxSeconds, double step) {
            this.step = step;
            int n = (int) Math.ceil(maxSeconds / step) + 1;
            this.rows = new double[n * POINTS];
            this.stamp = new int[n];
        }

        void add(double[] elapsed, int sign, MarginDistribution margins) {
            for (double e : elapsed) {
                int at = row(e);
                for (int k = 0; k < POINTS; k++) {
                    margins.add(k, sign, rows[at + k]);
                }
            }
        }

        void add(double[] elapsed, int sign, double[] margin, double[] var) {
            for (double e : elapsed) {
                int at = row(e);
                for (int k = 0; k < POINTS; k++) {
                    double q = rows[at + k];
                    margin[k] += sign * q;
                    var[k] += q * (1 - q);
                }
            }
        }

        /** The offset of the row of chances for elapsed time {@code e}, computed if stale. */
        private int row(double e) {
            int row = (int) Math.min(stamp.length - 1, Math.max(0, e / step));
            int at = row * POINTS;
            if (stamp[row] != version) {
                stamp[row] = version;
                for (int k = 0; k < POINTS; k++) {
                    rows[at + k] = compute(this, (row + 0.5) * step, k);
                }
            }
            return at;
        }
    }
}
