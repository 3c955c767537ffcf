package io.duecall.sim;

import java.util.Objects;

/**
 * The debtors a campaign dials, as distributions.
 *
 * @param liveByHour live-answer probability for each hour of the day since the shift began (the last applies after)
 * @param liveRing originate to live answer
 * @param failHold how long a call that is not answered holds the line before it gives up (capped by ring timeout)
 * @param machineShare share of calls answered by a machine
 * @param amdSeconds how long answering-machine detection takes to decide
 * @param amdFalsePositive share of live answers that detection wrongly hangs up on as machines
 * @param talk conversation with an agent
 * @param wrap the agent's wrap-up after a conversation
 */
public record Population(double[] liveByHour, Dist liveRing, Dist failHold, double machineShare, double amdSeconds,
        double amdFalsePositive, Dist talk, Dist wrap) {
    public Population {
        Objects.requireNonNull(liveByHour, "liveByHour");
        if (liveByHour.length == 0) {
            throw new IllegalArgumentException("population.liveByHour: empty (expected at least one hour)");
        }
        for (double p : liveByHour) {
            if (!(p > 0 && p + machineShare <= 1)) {
                throw new IllegalArgumentException("population.liveByHour: " + p + " (expected > 0 and live + machine <= 1)");
            }
        }
        if (!(machineShare >= 0) || !(amdSeconds >= 0) || !(amdFalsePositive >= 0 && amdFalsePositive < 1)) {
            throw new IllegalArgumentException("population: machineShare " + machineShare + ", amdSeconds " + amdSeconds
                    + ", amdFalsePositive " + amdFalsePositive + " (expected >= 0, false positives < 1)");
        }
    }

    /** Lognormal times: 9 s to a live answer, 18 s hold for a failed dial, no machines. */
    public static Population lognormal(double live, double talkMean, double wrapMean) {
        return new Population(new double[] {live}, Dist.lognormal(9, 4), Dist.lognormal(18, 5), 0, 0, 0,
                Dist.lognormal(talkMean, talkMean * 0.6), Dist.lognormal(wrapMean, wrapMean * 0.3));
    }

    /** Exponential times with one ring-time law for every call, as the Markov model assumes. */
    public static Population exponential(double live, double ringMean, double talkMean, double wrapMean) {
        return new Population(new double[] {live}, Dist.exponential(ringMean), Dist.exponential(ringMean), 0, 0, 0,
                Dist.exponential(talkMean), Dist.exponential(wrapMean));
    }

    public double live(double secondsIntoDay) {
        int hour = (int) Math.max(0, secondsIntoDay / 3600);
        return liveByHour[Math.min(hour, liveByHour.length - 1)];
    }
}
