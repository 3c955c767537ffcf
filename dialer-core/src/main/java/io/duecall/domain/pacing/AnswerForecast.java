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
    private final Table talk = new Table(3600, 1.0, POINTS);
    private final Table wrap = new Table(900, 1.0, POINTS);
    /** Per ringing age, for calls with the campaign's share: the chance of a live answer before each answer point. */
    private final Table ringing = new Table(120, 0.25, POINTS);
    /**
     * Per ringing age, for calls with a chance of their own: the live ring-time law's mass before each answer point,
     * then both laws' survival to the age, which Bayes combines with the call's chance.
     */
    private final Table ringingParts = new Table(120, 0.25, POINTS + 2);
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
     * expected to be answered live before it to {@code margin}, and the Bernoulli variances to {@code var}. Each
     * ringing call weighs its own live chance ({@code ringingChances}, aligned with {@code ringingAges}; NaN or an
     * empty array: the campaign's share).
     */
    void accumulate(double[] talkElapsed, double[] wrapElapsed, double[] ringingAges, double[] ringingChances,
            double[] margin, double[] var) {
        talk.add(talkElapsed, 1, margin, var);
        wrap.add(wrapElapsed, 1, margin, var);
        double[] q = new double[POINTS];
        for (int c = 0; c < ringingAges.length; c++) {
            ringing(ringingAges[c], ringingChances, c, q);
            for (int k = 0; k < POINTS; k++) {
                margin[k] -= q[k];
                var[k] += q[k] * (1 - q[k]);
            }
        }
    }

    /**
     * Convolves, at every answer point, each busy agent's chance to be free by then and each ringing call's chance to
     * be answered live before it (weighing its own live chance, as above) into {@code margins}.
     */
    void accumulate(double[] talkElapsed, double[] wrapElapsed, double[] ringingAges, double[] ringingChances,
            MarginDistribution margins) {
        talk.add(talkElapsed, 1, margins);
        wrap.add(wrapElapsed, 1, margins);
        double[] q = new double[POINTS];
        for (int c = 0; c < ringingAges.length; c++) {
            ringing(ringingAges[c], ringingChances, c, q);
            for (int k = 0; k < POINTS; k++) {
                margins.add(k, -1, q[k]);
            }
        }
    }

    /**
     * Into {@code q}: per answer point, the chance that ringing call {@code c}, ringing for {@code age}, is answered
     * live before it: from its own chance in {@code chances} when it has one, else from the campaign's share.
     */
    private void ringing(double age, double[] chances, int c, double[] q) {
        double own = chances.length == 0 ? Double.NaN : chances[c];
        if (Double.isNaN(own)) {
            int at = ringing.row(age);
            System.arraycopy(ringing.rows, at, q, 0, POINTS);
            return;
        }
        double p = estimates.liveChance(own);
        int at = ringingParts.row(age);
        double[] rows = ringingParts.rows;
        double liveLeft = rows[at + POINTS];
        double failLeft = rows[at + POINTS + 1];
        for (int k = 0; k < POINTS; k++) {
            q[k] = CampaignEstimates.stillRinging(p, rows[at + k], liveLeft, failLeft);
        }
    }

    /** Row {@code k} of elapsed time {@code x}: a chance per answer point, or for ringing calls the parts of one. */
    private double compute(Table table, double x, int k) {
        if (table == ringing) {
            return estimates.liveWithin(x, answerAt[k]);
        }
        if (table == ringingParts) {
            if (k < POINTS) {
                return estimates.liveRing().cdf(x + answerAt[k]) - estimates.liveRing().cdf(x);
            }
            return k == POINTS ? 1 - estimates.liveRing().cdf(x) : 1 - estimates.failHold().cdf(x);
        }
        double h = answerAt[k] + threshold;
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
        private final int width;
        private final double[] rows;
        private final int[] stamp;

        Table(double maxSeconds, double step, int width) {
            this.step = step;
            this.width = width;
            int n = (int) Math.ceil(maxSeconds / step) + 1;
            this.rows = new double[n * width];
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
            int at = row * width;
            if (stamp[row] != version) {
                stamp[row] = version;
                for (int k = 0; k < width; k++) {
                    rows[at + k] = compute(this, (row + 0.5) * step, k);
                }
            }
            return at;
        }
    }
}
