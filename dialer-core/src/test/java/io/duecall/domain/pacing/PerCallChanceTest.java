package io.duecall.domain.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each call's own live-answer chance, as the best-time model predicts it, in the predictive pacer's forecast. */
class PerCallChanceTest {
    private static final double[] NONE = new double[0];

    @Test
    void withoutPredictionsACallsChanceIsItsOwnAndTheShareIsTheCampaigns() {
        var estimates = new CampaignEstimates();
        for (int i = 0; i < 1000; i++) {
            estimates.observe(new CallObservation.Resolved(10, i % 10 < 3));
        }

        assertEquals(0.4, estimates.liveChance(0.4), 1e-12, "no prediction has been scored yet: taken as given");
        // the share's window holds the last 1000 calls, 300 live, with a prior of 20 calls at 25%
        assertEquals((300 + 0.25 * 20) / (1000 + 20), estimates.liveChance(Double.NaN), 1e-12);
    }

    @Test
    void predictionsAreScaledByHowTheyFaredAgainstOutcomes() {
        var estimates = new CampaignEstimates();
        for (int i = 0; i < 2000; i++) {
            // a model that says 20% where 30% answer
            estimates.observe(new CallObservation.Resolved(10, i % 10 < 3, 0.2));
        }
        // decayed over about 1000 calls: realized 0.3 S, predicted 0.2 S, S = sum of 2000 weights e^(-j/1000),
        // each side with 5 live answers of prior; the 3-in-10 pattern makes realized a hair off 0.3 S
        double keep = Math.exp(-1 / 1000.0);
        double s = (1 - Math.pow(keep, 2000)) / (1 - keep);
        double ratio = (0.3 * s + 5) / (0.2 * s + 5);

        assertEquals(ratio, estimates.chanceRatio(), 0.01);
        assertEquals(0.2 * ratio, estimates.liveChance(0.2), 0.003);
        assertEquals(0.99, estimates.liveChance(0.9), 1e-12, "never certain");
    }

    @Test
    void aRingingCallsChanceFollowsBayesFromItsOwnPrior() {
        var estimates = new CampaignEstimates();
        estimates.refresh(0);
        var ring = estimates.liveRing();
        var fail = estimates.failHold();
        double age = 6;
        double h = 5;
        for (double p : new double[] {0.05, 0.3, 0.8}) {
            double live = p * (ring.cdf(age + h) - ring.cdf(age));
            double still = p * (1 - ring.cdf(age)) + (1 - p) * (1 - fail.cdf(age));
            assertEquals(live / still, estimates.liveWithin(age, h, p), 1e-12, "p " + p);
        }
        assertEquals(0, estimates.liveWithin(age, h, 0), 1e-12);
        assertEquals(estimates.liveWithin(age, h, estimates.liveProbability()), estimates.liveWithin(age, h), 1e-12);
        assertTrue(estimates.liveWithin(age, h, 0.8) > 3 * estimates.liveWithin(age, h, 0.1));
    }

    /**
     * Half the calls are to people who answer 6 times in 10, half to people who answer 1 in 20. Told each call's
     * chance, the forecast of how many ringing calls are answered live within the next 5 seconds matches what happens
     * in each half; with the campaign's one share it is far off in both, in opposite directions.
     */
    @Test
    void theForecastWithEachCallsChanceMatchesASimulatedTruthWhereOneShareDoesNot() {
        var random = new Random(7);
        var estimates = new CampaignEstimates();
        for (int i = 0; i < 3000; i++) {
            var call = Call.draw(random);
            estimates.observe(new CallObservation.Resolved(call.resolvesAt, call.live, call.chance));
        }
        estimates.refresh(0);
        double h = 5;
        double[] forecastOwn = new double[2];
        double[] forecastShare = new double[2];
        double[] happened = new double[2];
        for (int i = 0; i < 40_000; i++) {
            var call = Call.draw(random);
            double age = random.nextDouble() * 20;
            if (call.resolvesAt <= age) {
                continue; // no longer ringing at that age
            }
            int half = call.chance > 0.5 ? 1 : 0;
            forecastOwn[half] += estimates.liveWithin(age, h, estimates.liveChance(call.chance));
            forecastShare[half] += estimates.liveWithin(age, h);
            happened[half] += call.live && call.resolvesAt <= age + h ? 1 : 0;
        }

        for (int half = 0; half < 2; half++) {
            double sd = Math.sqrt(happened[half]);
            assertEquals(happened[half], forecastOwn[half], 4 * sd + 0.05 * happened[half],
                    "half " + half + ": own chances forecast " + forecastOwn[half] + ", " + happened[half] + " happened");
        }
        assertTrue(forecastShare[1] < 0.7 * happened[1], "the share under-forecasts the likely answerers: "
                + forecastShare[1] + " of " + happened[1]);
        assertTrue(forecastShare[0] > 1.5 * happened[0], "and over-forecasts the unlikely: " + forecastShare[0]
                + " of " + happened[0]);
    }

    /** A simulated call: its chance, whether a person answers, and when it stops ringing (answer or give-up). */
    private record Call(double chance, boolean live, double resolvesAt) {
        static Call draw(Random r) {
            double chance = r.nextBoolean() ? 0.6 : 0.05;
            boolean live = r.nextDouble() < chance;
            double at = live ? Math.exp(Math.log(8) + 0.4 * r.nextGaussian())
                    : Math.min(25, Math.exp(Math.log(17) + 0.3 * r.nextGaussian()));
            return new Call(chance, live, at);
        }
    }

    @Test
    void thePacerPlacesMoreCallsWhenTheCallsRingingAreUnlikelyToBeAnswered() {
        double[] ages = {3, 3, 3};

        int likely = PacersTest.trainedPredictive().callsToPlace(snapshot(ages, filled(ages.length, 0.7), NONE));
        int unlikely = PacersTest.trainedPredictive().callsToPlace(snapshot(ages, filled(ages.length, 0.05), NONE));
        int unknown = PacersTest.trainedPredictive().callsToPlace(snapshot(ages, NONE, NONE));

        assertTrue(unlikely > unknown && unknown >= likely && unlikely > likely, "ringing calls likely " + likely + ", unknown " + unknown
                + ", unlikely " + unlikely);
    }

    @Test
    void thePacerPlacesMoreOfTheNextCallsWhenTheyAreUnlikelyToBeAnswered() {
        double[] ages = {3, 3, 3, 3};

        int likely = PacersTest.trainedPredictive().callsToPlace(snapshot(ages, NONE, filled(40, 0.7)));
        int unlikely = PacersTest.trainedPredictive().callsToPlace(snapshot(ages, NONE, filled(40, 0.05)));

        assertTrue(unlikely > likely, "next calls likely " + likely + ", unlikely " + unlikely);
    }

    @Test
    void aSnapshotRefusesChancesThatAreNotProbabilitiesOrDoNotMatchItsCalls() {
        double[] ages = {3, 3};
        var wrongCount = assertThrows(IllegalArgumentException.class, () -> snapshot(ages, filled(3, 0.2), NONE));
        assertTrue(wrongCount.getMessage().contains("ringingChances has 3 entries for 2 ringing calls"),
                wrongCount.getMessage());
        var notAChance = assertThrows(IllegalArgumentException.class,
                () -> snapshot(ages, NONE, new double[] {0.2, 1.5}));
        assertTrue(notAChance.getMessage().contains("nextChances[1]: 1.5"), notAChance.getMessage());
        var badObservation = assertThrows(IllegalArgumentException.class,
                () -> new CallObservation.Resolved(3, true, -0.1));
        assertTrue(badObservation.getMessage().contains("resolved.chance: -0.1"), badObservation.getMessage());
    }

    /** Ten agents, four ready and six talking for 70 s, a day's counters well inside the budget. */
    private static PacingSnapshot snapshot(double[] ages, double[] ringing, double[] next) {
        double[] talk = filled(6, 70);
        return new PacingSnapshot(1000, 10, 4, 0, talk, NONE, ages, 0, ages.length + 6, 1000,
                new AbandonCounters(400, 8, 400, 8), 20_000, ringing, next);
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
