package io.duecall.domain.pacing;

/**
 * How far the abandons the campaign actually had stand from the abandons its forecast expected of the calls it placed:
 * realized over expected, over roughly the last {@code horizon} live answers, with a prior of three abandons at a
 * ratio of one. The forecast sees only the calls up now, not the calls the pacer will place while a new call rings
 * (which may be answered first), so it tends to promise fewer abandons than happen; the ratio corrects that slowly
 * and smoothly, so the pacer can hold a steady course instead of chasing the few abandons of the last minutes. It
 * corrects only that omission: a ratio under one (a cautious forecast, as with many agents) is left to the budget.
 */
final class ForecastCalibration {
    private static final double PRIOR_ABANDONS = 3;
    private static final double MIN_FACTOR = 1;
    private static final double MAX_FACTOR = 20;
    private final double horizon;
    private double realized;
    private double expected;
    private long lastLive;
    private long lastAbandons;

    ForecastCalibration(double horizon) {
        this.horizon = horizon;
    }

    /**
     * Takes in the live answers and abandons counted since the last call; a new day restarts the counters.
     *
     * @return whether these counters are a new day's (today's counts fell)
     */
    boolean update(AbandonCounters c) {
        boolean newDay = c.liveAnswersToday() < lastLive || c.abandonsToday() < lastAbandons;
        if (newDay) {
            lastLive = 0;
            lastAbandons = 0;
        }
        long live = c.liveAnswersToday() - lastLive;
        long abandons = c.abandonsToday() - lastAbandons;
        lastLive = c.liveAnswersToday();
        lastAbandons = c.abandonsToday();
        if (live > 0) {
            double keep = Math.exp(-live / horizon);
            realized *= keep;
            expected *= keep;
        }
        realized += abandons;
        return newDay;
    }

    /** A call was placed that the forecast expects to be abandoned with this chance (its live chance included). */
    void expect(double abandons) {
        expected += abandons;
    }

    /** Realized over expected abandons, at one while little is known. */
    double factor() {
        double f = (realized + PRIOR_ABANDONS) / (expected + PRIOR_ABANDONS);
        return Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, f));
    }
}
