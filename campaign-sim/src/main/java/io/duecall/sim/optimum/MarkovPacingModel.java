package io.duecall.sim.optimum;

/**
 * The pacing problem as a continuous-time Markov chain with exponential times, the model the benchmark's
 * {@code --exponential} mode simulates: state (agents talking, agents wrapping up, calls in flight); each call in flight
 * resolves at rate 1/ringMean and is a live answer with probability {@code live}; a live answer that finds no free
 * agent is abandoned at once. After every transition the pacer may add calls, up to {@code maxLines} in flight (3 per
 * agent, the predictive pacer's cap). Solved by relative value iteration on the uniformized chain for the long-run
 * busy share of agents less {@code multiplier} per abandon.
 */
public final class MarkovPacingModel {
    final int agents;
    final double live;
    final double ringRate;
    final double talkRate;
    final double wrapRate;
    final int maxLines;
    final double uniform;
    /** Index of the pair (talking, wrapping), talking + wrapping <= agents. */
    final int[][] pair;
    final int[] talking;
    final int[] wrapping;

    public MarkovPacingModel(int agents, double live, double ringMean, double talkMean, double wrapMean, int maxLines) {
        if (agents <= 0 || !(live > 0 && live <= 1) || !(ringMean > 0) || !(talkMean > 0) || !(wrapMean > 0)
                || maxLines <= 0) {
            throw new IllegalArgumentException("markov model: agents " + agents + ", live " + live + ", ringMean "
                    + ringMean + ", talkMean " + talkMean + ", wrapMean " + wrapMean + ", maxLines " + maxLines
                    + " (expected agents > 0, 0 < live <= 1, means > 0, maxLines > 0)");
        }
        this.agents = agents;
        this.live = live;
        this.ringRate = 1 / ringMean;
        this.talkRate = 1 / talkMean;
        this.wrapRate = 1 / wrapMean;
        this.maxLines = maxLines;
        // a little above the fastest total rate, so every state keeps a self-loop and the chain is aperiodic
        this.uniform = 1.05 * (maxLines * ringRate + agents * Math.max(talkRate, wrapRate));
        int pairs = (agents + 1) * (agents + 2) / 2;
        pair = new int[agents + 1][agents + 1];
        talking = new int[pairs];
        wrapping = new int[pairs];
        int k = 0;
        for (int t = 0; t <= agents; t++) {
            for (int w = 0; t + w <= agents; w++) {
                pair[t][w] = k;
                talking[k] = t;
                wrapping[k] = w;
                k++;
            }
        }
    }

    /** Pacing for 3 lines per agent, the predictive pacer's cap. */
    public static MarkovPacingModel withLinesPerAgent(int agents, double live, double ringMean, double talkMean,
            double wrapMean) {
        return new MarkovPacingModel(agents, live, ringMean, talkMean, wrapMean, 3 * agents);
    }

    int states() {
        return talking.length * (maxLines + 1);
    }

    int index(int pairIndex, int lines) {
        return pairIndex * (maxLines + 1) + lines;
    }

    /**
     * The best policy for the abandon {@code multiplier}: relative value iteration until the span of the change per
     * uniformized step is below {@code tolerance} times the most reward a step can earn (all agents busy), starting
     * from {@code start} (null: zeros), which it overwrites.
     */
    public MarkovPolicy solve(double multiplier, double[] start, double tolerance) {
        int n = states();
        double[] h = start == null ? new double[n] : start;
        double[] next = new double[n];
        int[] target = new int[n];
        double limit = tolerance * agents / uniform;
        double[] post = new double[maxLines + 1];
        for (int iteration = 0; iteration < 2_000_000; iteration++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < talking.length; k++) {
                postDecisionValues(k, multiplier, h, post);
                int best = maxLines;
                for (int r = maxLines; r >= 0; r--) {
                    if (post[r] > post[best]) {
                        best = r;
                    }
                    int i = index(k, r);
                    next[i] = post[best];
                    target[i] = best;
                    double d = next[i] - h[i];
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
            double ref = next[0];
            for (int i = 0; i < n; i++) {
                h[i] = next[i] - ref;
            }
            if (hi - lo < limit) {
                return new MarkovPolicy(this, multiplier, target, h);
            }
        }
        throw new IllegalStateException("value iteration did not converge for multiplier " + multiplier);
    }

    /** The value of holding {@code r} calls in flight in pair {@code k} for one uniformized step, for each r. */
    private void postDecisionValues(int k, double multiplier, double[] h, double[] out) {
        int t = talking[k];
        int w = wrapping[k];
        boolean full = t + w == agents;
        double talkEnd = t * talkRate / uniform;
        double wrapEnd = w * wrapRate / uniform;
        int afterTalk = t > 0 ? pair[t - 1][w + 1] : -1;
        int afterWrap = w > 0 ? pair[t][w - 1] : -1;
        int afterLive = full ? k : pair[t + 1][w];
        for (int r = 0; r <= maxLines; r++) {
            double resolve = r * ringRate / uniform;
            double reward = (t + w) - (full ? multiplier * live * r * ringRate : 0);
            double v = reward / uniform;
            double stay = 1 - resolve - talkEnd - wrapEnd;
            if (r > 0) {
                v += resolve * (live * h[index(afterLive, r - 1)] + (1 - live) * h[index(k, r - 1)]);
            }
            if (afterTalk >= 0) {
                v += talkEnd * h[index(afterTalk, r)];
            }
            if (afterWrap >= 0) {
                v += wrapEnd * h[index(afterWrap, r)];
            }
            out[r] = v + stay * h[index(k, r)];
        }
    }
}
