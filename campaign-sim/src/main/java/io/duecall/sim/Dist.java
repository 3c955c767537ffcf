package io.duecall.sim;

import java.util.SplittableRandom;

/** A duration distribution in seconds: lognormal (the default shape of call times) or exponential. */
public record Dist(boolean exponential, double mean, double sd) {
    public Dist {
        if (!(mean > 0) || !(sd >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("distribution: mean " + mean + ", sd " + sd + " (expected mean > 0, sd >= 0)");
        }
    }

    public static Dist lognormal(double mean, double sd) {
        return new Dist(false, mean, sd);
    }

    public static Dist exponential(double mean) {
        return new Dist(true, mean, mean);
    }

    public double sample(SplittableRandom r) {
        if (exponential) {
            return -mean * Math.log(1 - r.nextDouble());
        }
        if (sd == 0) {
            return mean;
        }
        double s2 = Math.log(1 + sd * sd / (mean * mean));
        double mu = Math.log(mean) - s2 / 2;
        return Math.exp(mu + Math.sqrt(s2) * gaussian(r));
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
