package io.duecall.domain.pacing;

/** The standard normal distribution: cumulative probability and quantile, to a few parts in a million. */
final class Normal {
    private Normal() {}

    static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    // Numerical Recipes' Chebyshev fit; relative error below 1.2e-7 everywhere.
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** Acklam's rational approximation, refined by one Newton step. */
    static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p: " + p + " (expected 0 < p < 1)");
        }
        double[] a = {-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.3577518672690,
            -30.66479806614716, 2.506628277459239};
        double[] b = {-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
            -13.28068155288572};
        double[] c = {-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
            4.374664141464968, 2.938163982698783};
        double[] d = {0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416};
        double x;
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p > 1 - 0.02425) {
            return -quantile(1 - p);
        } else {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        double e = cdf(x) - p;
        return x - e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
    }
}
