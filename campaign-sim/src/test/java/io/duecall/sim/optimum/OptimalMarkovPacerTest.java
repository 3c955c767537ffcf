package io.duecall.sim.optimum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.pacing.AbandonLedger;
import io.duecall.domain.pacing.AbandonRule;
import io.duecall.sim.CampaignSimulator;
import io.duecall.sim.Population;
import io.duecall.sim.SimConfig;
import org.junit.jupiter.api.Test;

class OptimalMarkovPacerTest {

    @Test
    void theTwoPoliciesOfTheOptimumAreMixedInTheirShareSoSimulatedDaysAbandonAsTheModelSays() {
        // 60% live answers, 180 s talk: the optimum at 2.5% spends about an eighth of its time on the bolder policy,
        // whose own share is far above 2.5%; drawn at every decision the mix abandoned about 4.5%
        var model = MarkovPacingModel.withLinesPerAgent(5, 0.6, 14, 180, 20);
        var optimum = MarkovOptimum.solve(model, 0.025);
        assertTrue(optimum.shareOfAbove() > 0.05 && optimum.shareOfAbove() < 0.5, "share " + optimum.shareOfAbove());
        assertTrue(optimum.above().figures().abandonShare() > 0.04, "bolder policy " + optimum.above().figures());
        var config = SimConfig.day(5, Population.exponential(0.6, 14, 180, 20)).withRingTimeout(1e9)
                .withAbandonThreshold(0);
        var sim = new CampaignSimulator(config, null, null);

        long live = 0;
        long abandons = 0;
        double occupancy = 0;
        int seeds = 30;
        for (int seed = 1; seed <= seeds; seed++) {
            var day = sim.run(new OptimalMarkovPacer(optimum), seed, new AbandonLedger(AbandonRule.defaults()));
            live += day.liveAnswers();
            abandons += day.abandons();
            occupancy += day.occupancy() / seeds;
        }

        // about 500 abandons expected in some 20,000 live answers: half a point either side is over 4 standard deviations
        assertEquals(0.025, (double) abandons / live, 0.005, abandons + " of " + live);
        assertEquals(optimum.occupancy(), occupancy, 0.005);
    }
}
