package io.duecall.sim.optimum;

/**
 * The best non-clairvoyant pacing of the {@link MarkovPacingModel} under an abandon cap: the Lagrange multiplier on
 * abandons is bisected (on a log scale) until the two policies either side of it straddle the cap; the constrained
 * optimum time-shares them in the proportion that meets the cap exactly (abandons and live answers are both linear in
 * the share, so the mix is exact).
 *
 * @param below the policy with the larger multiplier, abandoning at most the cap
 * @param above the policy with the smaller multiplier, abandoning more (the same as below when no policy needs more)
 * @param shareOfAbove the share of time under {@code above} in the optimal mix
 */
public record MarkovOptimum(MarkovPolicy below, MarkovPolicy above, double shareOfAbove, double cap) {
    private static final double TOLERANCE = 1e-8;

    public static MarkovOptimum solve(MarkovPacingModel model, double cap) {
        if (!(cap > 0 && cap < 1)) {
            throw new IllegalArgumentException("abandon cap: " + cap + " (expected 0 < cap < 1)");
        }
        double lo = 1e-3;
        double hi = 1e6;
        double[] values = new double[model.states()];
        var loPolicy = model.solve(lo, values.clone(), TOLERANCE);
        if (loPolicy.figures().abandonShare() <= cap) {
            return new MarkovOptimum(loPolicy, loPolicy, 0, cap);
        }
        var hiPolicy = model.solve(hi, values.clone(), TOLERANCE);
        values = hiPolicy.values().clone();
        for (int i = 0; i < 40 && hi / lo > 1 + 1e-6; i++) {
            double mid = Math.sqrt(lo * hi);
            var policy = model.solve(mid, values.clone(), TOLERANCE);
            if (policy.figures().abandonShare() > cap) {
                lo = mid;
                loPolicy = policy;
            } else {
                hi = mid;
                hiPolicy = policy;
                values = policy.values().clone();
            }
        }
        var a = loPolicy.figures();
        var b = hiPolicy.figures();
        // theta * (A_a - cap L_a) + (1 - theta) * (A_b - cap L_b) = 0
        double excessAbove = a.abandonRate() - cap * a.liveRate();
        double excessBelow = b.abandonRate() - cap * b.liveRate();
        double theta = excessAbove == excessBelow ? 0 : Math.max(0, Math.min(1, -excessBelow / (excessAbove - excessBelow)));
        return new MarkovOptimum(hiPolicy, loPolicy, theta, cap);
    }

    /** The mix's long-run busy share of agents. */
    public double occupancy() {
        return shareOfAbove * above.figures().occupancy() + (1 - shareOfAbove) * below.figures().occupancy();
    }

    /** The mix's abandons per live answer: the cap, unless even the smallest multiplier stays below it. */
    public double abandonShare() {
        var a = above.figures();
        var b = below.figures();
        double live = shareOfAbove * a.liveRate() + (1 - shareOfAbove) * b.liveRate();
        double abandons = shareOfAbove * a.abandonRate() + (1 - shareOfAbove) * b.abandonRate();
        return live == 0 ? 0 : abandons / live;
    }
}
