package io.duecall.domain.pacing;

/**
 * The distribution of a duration (ring time, talk, wrap-up) from the campaign's most recent observations: a histogram
 * over a sliding window, seeded with a lognormal prior that the first real observations push out. Answers the
 * questions a pacer asks in O(1): "given it has lasted e seconds, how likely does it end within h more?".
 */
public final class DurationEstimate {
    private static final double REBUILD_EVERY_SECONDS = 2.0;
    private final double binWidth;
    private final int[] counts;
    private final double[] ring;
    private final double[] cumulative;
    private int size;
    private int next;
    private int real;
    private double sum;
    private boolean dirty = true;
    private double builtAt = Double.NEGATIVE_INFINITY;

    /**
     * @param window how many recent observations to keep
     * @param binWidth histogram resolution in seconds
     * @param maxSeconds longest duration told apart; longer ones fall in the last bin
     * @param priorMean prior mean in seconds
     * @param priorSd prior standard deviation in seconds
     * @param priorWeight how many pseudo-observations the prior is worth
     */
    public DurationEstimate(int window, double binWidth, double maxSeconds, double priorMean, double priorSd,
            int priorWeight) {
        if (window <= 0 || priorWeight < 0 || priorWeight > window) {
            throw new IllegalArgumentException("estimate.window: " + window + ", priorWeight: " + priorWeight
                    + " (expected window > 0 and 0 <= priorWeight <= window)");
        }
        if (!(binWidth > 0) || !(maxSeconds > binWidth) || !(priorMean > 0) || !(priorSd > 0)) {
            throw new IllegalArgumentException("estimate: binWidth " + binWidth + ", maxSeconds " + maxSeconds
                    + ", priorMean " + priorMean + ", priorSd " + priorSd + " (expected all > 0, maxSeconds > binWidth)");
        }
        this.binWidth = binWidth;
        this.counts = new int[(int) Math.ceil(maxSeconds / binWidth) + 1];
        this.cumulative = new double[counts.length + 1];
        this.ring = new double[window];
        double s2 = Math.log(1 + (priorSd * priorSd) / (priorMean * priorMean));
        double mu = Math.log(priorMean) - s2 / 2;
        for (int i = 0; i < priorWeight; i++) {
            add(Math.exp(mu + Math.sqrt(s2) * Normal.quantile((i + 0.5) / priorWeight)));
        }
        rebuild();
    }

    /** Records one observed duration in seconds. */
    public void observe(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("duration: " + seconds + " (expected a finite value >= 0)");
        }
        add(seconds);
        real++;
    }

    private void add(double seconds) {
        if (size == ring.length) {
            double old = ring[next];
            counts[bin(old)]--;
            sum -= old;
        } else {
            size++;
        }
        ring[next] = seconds;
        next = (next + 1) % ring.length;
        counts[bin(seconds)]++;
        sum += seconds;
        dirty = true;
    }

    private int bin(double seconds) {
        return (int) Math.min(counts.length - 1, seconds / binWidth);
    }

    /** Real observations so far (the prior not counted). */
    public int observations() {
        return real;
    }

    public double mean() {
        return size == 0 ? 0 : sum / size;
    }

    /** Refreshes the cumulative table if it is stale; called once per decision with the decision's time. */
    public void refresh(double now) {
        if (dirty && (now - builtAt >= REBUILD_EVERY_SECONDS || now < builtAt)) {
            rebuild();
            builtAt = now;
        }
    }

    private void rebuild() {
        double acc = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative[i] = acc;
            acc += counts[i];
        }
        cumulative[counts.length] = acc;
        dirty = false;
    }

    /** P(duration <= x), interpolated within a bin, as of the last {@link #refresh}. */
    public double cdf(double x) {
        double total = cumulative[counts.length];
        if (total == 0 || x <= 0) {
            return 0;
        }
        double pos = x / binWidth;
        if (pos >= counts.length) {
            return 1;
        }
        int b = (int) pos;
        double below = cumulative[b];
        double inBin = cumulative[b + 1] - below;
        return Math.min(1, (below + inBin * (pos - b)) / total);
    }

    /** The smallest x with P(duration <= x) >= q, interpolated within a bin, as of the last {@link #refresh}. */
    public double quantile(double q) {
        double total = cumulative[counts.length];
        if (total == 0) {
            return 0;
        }
        double want = Math.max(0, Math.min(1, q)) * total;
        int lo = 0;
        int hi = counts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid + 1] < want) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int b = Math.min(lo, counts.length - 1);
        double inBin = cumulative[b + 1] - cumulative[b];
        double frac = inBin <= 0 ? 0 : (want - cumulative[b]) / inBin;
        return (b + Math.max(0, Math.min(1, frac))) * binWidth;
    }

    /** P(ends within h more seconds | it has lasted e), with a memoryless tail past the longest observation. */
    public double endsWithin(double elapsed, double h) {
        if (h <= 0) {
            return 0;
        }
        double fe = cdf(elapsed);
        double survive = 1 - fe;
        if (survive < 1e-6) {
            return 1 - Math.exp(-h / Math.max(binWidth, mean()));
        }
        return Math.max(0, Math.min(1, (cdf(elapsed + h) - fe) / survive));
    }
}
