package io.duecall.sim.strategy;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** A mean over seeds with its 95% confidence half-width (Student's t, since there are few seeds). */
record Interval(double mean, double half) {
    /** Two-sided 97.5% quantiles of Student's t for 1 to 10 degrees of freedom; 1.96 beyond. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

    static <T> Interval of(List<T> runs, ToDoubleFunction<T> f) {
        int n = runs.size();
        double mean = runs.stream().mapToDouble(f).average().orElse(Double.NaN);
        if (n < 2) {
            return new Interval(mean, 0);
        }
        double ss = runs.stream().mapToDouble(r -> Math.pow(f.applyAsDouble(r) - mean, 2)).sum();
        double t = n - 1 <= T975.length ? T975[n - 2] : 1.96;
        return new Interval(mean, t * Math.sqrt(ss / (n - 1)) / Math.sqrt(n));
    }
}
