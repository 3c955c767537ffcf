package io.duecall.domain.pacing;

/**
 * How the live-answer chances predicted for a campaign's calls (by the best-time model) have fared: live answers
 * realized over live answers predicted, over roughly the last {@code horizon} calls that carried a prediction, with a
 * prior worth {@code priorLive} live answers at a ratio of one. A model that promises too many (or too few) answers is
 * scaled back into line, so the pacer's forecast stays unbiased while still telling likely from unlikely calls.
 */
final class ChanceCalibration {
    private static final double MAX_CHANCE = 0.99;
    private final double keep;
    private final double priorLive;
    private double realized;
    private double predicted;

    ChanceCalibration(double horizon, double priorLive) {
        if (!(horizon >= 1) || !(priorLive > 0)) {
            throw new IllegalArgumentException("chance calibration: horizon " + horizon + ", priorLive " + priorLive
                    + " (expected horizon >= 1, priorLive > 0)");
        }
        this.keep = Math.exp(-1 / horizon);
        this.priorLive = priorLive;
    }

    void observe(double chance, boolean live) {
        realized = realized * keep + (live ? 1 : 0);
        predicted = predicted * keep + chance;
    }

    double ratio() {
        return (realized + priorLive) / (predicted + priorLive);
    }

    /** A predicted chance scaled by the ratio, kept below certainty. */
    double calibrated(double chance) {
        return Math.min(MAX_CHANCE, chance * ratio());
    }
}
