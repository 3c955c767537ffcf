package io.duecall.domain.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EstimatesTest {

    @Test
    void durationEstimateStartsAtItsPriorMean() {
        var estimate = new DurationEstimate(400, 1.0, 3600, 60, 30, 20);

        assertEquals(60, estimate.mean(), 6);
        assertEquals(0, estimate.observations());
    }

    @Test
    void durationEstimateLearnsExponentialTalkAndItsMemorylessRemainder() {
        var estimate = new DurationEstimate(2000, 1.0, 3600, 300, 100, 20);
        var random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            estimate.observe(-60 * Math.log(1 - random.nextDouble()));
        }

        estimate.refresh(10);

        assertEquals(60, estimate.mean(), 4);
        double expected = 1 - Math.exp(-10.0 / 60);
        assertEquals(expected, estimate.endsWithin(0, 10), 0.03);
        assertEquals(expected, estimate.endsWithin(90, 10), 0.05);
    }

    @Test
    void elapsedTimeMattersForNearlyFixedDurations() {
        var estimate = new DurationEstimate(500, 0.5, 900, 20, 10, 0);
        for (int i = 0; i < 500; i++) {
            estimate.observe(20 + (i % 5) * 0.1);
        }

        estimate.refresh(10);

        assertTrue(estimate.endsWithin(18, 3) > 0.95, "wrap nearly over must end soon");
        assertTrue(estimate.endsWithin(2, 3) < 0.05, "wrap just begun must not end soon");
    }

    @Test
    void rateEstimateForgetsOutcomesOlderThanItsWindow() {
        var rate = new RateEstimate(100, 0.5, 0);
        for (int i = 0; i < 100; i++) {
            rate.observe(true);
        }
        for (int i = 0; i < 100; i++) {
            rate.observe(i % 10 < 3);
        }

        assertEquals(0.3, rate.value(), 1e-9);
    }

    @Test
    void campaignEstimatesGiveLiveAnswerChanceOfARingingCall() {
        var estimates = new CampaignEstimates();
        for (int i = 0; i < 1000; i++) {
            estimates.observe(new CallObservation.Resolved(i % 10 < 3 ? 8 + (i % 3) : 20, i % 10 < 3));
        }

        estimates.refresh(100);

        assertEquals(0.3, estimates.liveProbability(), 0.02);
        assertTrue(estimates.liveWithin(0, 15) > 0.25, "most live answers come within 15 s");
        assertTrue(estimates.liveWithin(12, 5) < 0.05, "a call still ringing at 12 s is almost surely a no-answer");
    }

    @Test
    void normalQuantileInvertsTheCdf() {
        for (double p : new double[] {0.001, 0.05, 0.3, 0.5, 0.9, 0.999}) {
            assertEquals(p, Normal.cdf(Normal.quantile(p)), 1e-6);
        }
    }

    @Test
    void durationQuantileInvertsTheCumulativeProbability() {
        var estimate = new DurationEstimate(2000, 0.25, 120, 10, 3, 0);
        for (int i = 0; i < 1000; i++) {
            estimate.observe(5 + 10.0 * i / 1000);
        }

        estimate.refresh(10);

        assertEquals(10, estimate.quantile(0.5), 0.3);
        assertEquals(7.5, estimate.quantile(0.25), 0.3);
        assertEquals(0.5, estimate.cdf(estimate.quantile(0.5)), 0.01);
    }

    @Test
    void talkingAgentIsFreeOnlyOnceBothTalkAndWrapUpAreOver() {
        var estimates = new CampaignEstimates();
        for (int i = 0; i < 400; i++) {
            estimates.observe(new CallObservation.Resolved(9, true));
            estimates.observe(new CallObservation.TalkEnded(60));
            estimates.observe(new CallObservation.WrapEnded(20));
        }
        var forecast = new AnswerForecast(estimates, 2);
        forecast.prepare(100);
        double[] margin = new double[AnswerForecast.POINTS];
        double[] var = new double[AnswerForecast.POINTS];
        double[] endsTalkNow = {59.5};
        double[] wrapEndsNow = {19.5};

        forecast.accumulate(endsTalkNow, new double[0], new double[0], new double[0], margin, var);
        double talker = margin[0];
        forecast.accumulate(new double[0], wrapEndsNow, new double[0], new double[0], margin, var);

        assertEquals(0.0, talker, 1e-9, "talk ends now but 20 s of wrap-up follow: not free within 11 s");
        assertEquals(1.0, margin[0] - talker, 1e-9, "wrap-up ends now: free");
    }
}
