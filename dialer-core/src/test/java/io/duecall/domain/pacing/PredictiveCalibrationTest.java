package io.duecall.domain.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PredictiveCalibrationTest {
    private static final double[] NONE = new double[0];

    @Test
    void marginDistributionMatchesEnumerationOfEveryOutcome() {
        double[] frees = {0.2, 0.7, 0.05};
        double[] answers = {0.3, 0.9, 0.5, 0.1};
        int start = 1;
        var margins = new MarginDistribution(1);
        margins.start(start, frees.length, answers.length);
        for (double q : frees) {
            margins.add(0, 1, q);
        }
        for (double q : answers) {
            margins.add(0, -1, q);
        }
        double none = 0;
        int all = frees.length + answers.length;
        for (int mask = 0; mask < 1 << all; mask++) {
            double chance = 1;
            int margin = start;
            for (int i = 0; i < all; i++) {
                boolean happens = (mask >> i & 1) == 1;
                double q = i < frees.length ? frees[i] : answers[i - frees.length];
                chance *= happens ? q : 1 - q;
                if (happens) {
                    margin += i < frees.length ? 1 : -1;
                }
            }
            if (margin <= 0) {
                none += chance;
            }
        }

        assertEquals(none, margins.none(0), 1e-12);
    }

    @Test
    void calibrationLearnsHowFarRealizedAbandonsStandFromTheForecast() {
        var calibration = new ForecastCalibration(2000);
        assertEquals(1.0, calibration.factor(), 1e-12);
        for (int i = 1; i <= 100; i++) {
            calibration.expect(0.1);
            calibration.update(new AbandonCounters(i * 10, i * 3 / 10, 0, 0));
        }

        // 10 expected, 30 realized: (30 + 3) / (10 + 3), a little under 2000 live answers' decay aside
        assertEquals(33.0 / 13.0, calibration.factor(), 0.2);
    }

    @Test
    void aCautiousForecastIsLeftToTheBudget() {
        var calibration = new ForecastCalibration(2000);
        calibration.expect(50);
        calibration.update(new AbandonCounters(1000, 5, 1000, 5));

        assertEquals(1.0, calibration.factor(), 1e-12);
    }

    @Test
    void calibrationCarriesOverANewDay() {
        var calibration = new ForecastCalibration(2000);
        calibration.expect(7);
        calibration.update(new AbandonCounters(500, 17, 500, 17));
        double before = calibration.factor();

        calibration.update(new AbandonCounters(0, 0, 500, 17));
        assertEquals(before, calibration.factor(), 1e-12);
        calibration.update(new AbandonCounters(10, 1, 510, 18));
        assertTrue(calibration.factor() > before, "the new day's first abandon counts: " + calibration.factor());
    }

    @Test
    void savingsAreSpentAtMostHalfwayToTheLimit() {
        var pacer = new PredictivePacer(PredictiveConfig.defaults());
        var lucky = new AbandonCounters(300, 0, 300, 0);
        var onTarget = new AbandonCounters(400, 10, 400, 10);

        assertEquals(0.0275, pacer.budget().allowedChance(lucky), 1e-9);
        assertEquals(0.025, pacer.budget().allowedChance(onTarget), 1e-9);
    }

    @Test
    void anOverspentBudgetIsPaidBackOverTheRestOfTheDayWhenItsEndIsKnown() {
        var pacer = new PredictivePacer(PredictiveConfig.defaults());
        // 1,000 live answers and 27 abandons: two over the 2.5% target
        var overspent = new AbandonCounters(1000, 27, 1000, 27);

        // unknown end of day: paid back over the next 25 live answers, so nothing may be risked now
        assertEquals(0.0, pacer.budget().allowedChance(overspent));
        // 400 live answers still to come: paid back over them, half a point under the target
        assertEquals(0.025 - 2.0 / 400, pacer.budget().allowedChance(overspent, 400), 1e-9);
        // the last few live answers of the day: paid back at once, as with an unknown end
        assertEquals(0.0, pacer.budget().allowedChance(overspent, 10));
    }

    @Test
    void savingsAreSpreadOverTheRestOfTheDayWhenItsEndIsKnown() {
        var pacer = new PredictivePacer(PredictiveConfig.defaults());
        // 4,000 live answers and 95 abandons: five under the 2.5% target
        var saving = new AbandonCounters(4000, 95, 4000, 95);

        // unknown end of day: spread over as many live answers as today has had
        assertEquals(0.025 + 5.0 / 4000, pacer.budget().allowedChance(saving), 1e-9);
        // 500 live answers left: spread over them, but never more than halfway to the limit
        assertEquals(0.0275, pacer.budget().allowedChance(saving, 500), 1e-9);
        // 10,000 left: a smaller, steadier step
        assertEquals(0.025 + 5.0 / 10000, pacer.budget().allowedChance(saving, 10000), 1e-9);
    }

    @Test
    void snapshotRefusesANegativeOrEndlessDay() {
        var none = new double[0];
        var ex = assertThrows(IllegalArgumentException.class, () -> new PacingSnapshot(0, 1, 1, 0, none, none, none,
                0, 0, 10, AbandonCounters.NONE, -1));
        assertTrue(ex.getMessage().contains("secondsLeftToday"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PacingSnapshot(0, 1, 1, 0, none, none, none, 0, 0, 10,
                AbandonCounters.NONE, Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(new PacingSnapshot(0, 1, 1, 0, none, none, none, 0, 0, 10, AbandonCounters.NONE)
                .secondsLeftToday()));
    }

    @Test
    void activityTellsProgressiveFallbackFromCallsPlacedAhead() {
        var pacer = new PredictivePacer(PredictiveConfig.defaults().withOriginatesPerSecond(100));
        var wrapping = new double[] {19, 19, 19, 19, 19, 19, 19, 19, 19, 19};
        var s = new PacingSnapshot(1000, 10, 0, 0, NONE, wrapping, NONE, 0, 0, 100, AbandonCounters.NONE);

        assertEquals(0, pacer.callsToPlace(s));
        assertEquals(new PredictivePacer.Activity(1, 0, 1, 0, 0), pacer.activity());

        for (int i = 0; i < 500; i++) {
            boolean live = i % 10 < 3;
            pacer.observe(new CallObservation.Resolved(live ? 8 + i % 3 : 18 + i % 5, live));
            pacer.observe(new CallObservation.TalkEnded(40 + i % 40));
            pacer.observe(new CallObservation.WrapEnded(19 + (i % 3) * 0.5));
        }
        int placed = pacer.callsToPlace(new PacingSnapshot(1001, 10, 0, 0, NONE, wrapping, NONE, 0, 0, 100,
                AbandonCounters.NONE));

        assertTrue(placed > 0, "agents about to finish wrap-up get calls ahead");
        assertEquals(new PredictivePacer.Activity(2, 0, 1, 0, placed), pacer.activity());
    }
}
