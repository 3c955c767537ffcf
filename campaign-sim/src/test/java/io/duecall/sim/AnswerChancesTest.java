package io.duecall.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.pacing.AbandonLedger;
import io.duecall.domain.pacing.AbandonRule;
import io.duecall.domain.pacing.PredictiveConfig;
import io.duecall.domain.pacing.PredictivePacer;
import io.duecall.sim.AnswerChances.Knowledge;
import io.duecall.sim.habits.Habits;
import org.junit.jupiter.api.Test;

/** Debtors who differ in when they answer, and the predictive pacer told each call's own chance. */
class AnswerChancesTest {
    private static final SimConfig TWENTY = SimConfig.day(20, Population.lognormal(0.3, 60, 20));

    @Test
    void theDebtorsAverageTheDaysLiveShareEachHourAndDifferWidely() {
        var day = new AnswerChances(Habits.defaults(), Knowledge.TRUE).day(TWENTY, 1);
        for (int hour = 0; hour < 8; hour++) {
            double now = hour * 3600 + 1800;
            double sum = 0;
            double low = 1;
            double high = 0;
            int n = 20_000;
            for (long k = 0; k < n; k++) {
                double p = day.truth(k, now);
                sum += p;
                low = Math.min(low, p);
                high = Math.max(high, p);
                assertTrue(p > 0 && p <= AnswerChances.MAX_CHANCE, "account " + k + ": " + p);
            }
            assertEquals(0.3, sum / n, 0.01, "hour " + hour);
            assertTrue(high > 3 * low, "hour " + hour + ": from " + low + " to " + high);
        }
    }

    @Test
    void aLearnedChanceIsTheTypesAverageWeighedWithTheAccountsOwnCalls() {
        var population = new AnswerChances(Habits.defaults(), Knowledge.LEARNED);
        var learned = population.day(TWENTY, 3);
        var truth = population.told(Knowledge.TRUE).day(TWENTY, 3);
        var none = population.told(Knowledge.NONE).day(TWENTY, 3);
        double errorLearned = 0;
        double errorShare = 0;
        for (long k = 0; k < 5000; k++) {
            double p = truth.truth(k, 7200);
            double told = learned.told(k, 7200);
            assertTrue(told > 0 && told < 1, "account " + k + ": " + told);
            assertTrue(Double.isNaN(none.told(k, 7200)));
            assertEquals(p, truth.told(k, 7200), 1e-12);
            errorLearned += (told - p) * (told - p);
            errorShare += (0.3 - p) * (0.3 - p);
        }
        assertTrue(errorLearned < 0.8 * errorShare, "learned chances tell debtors apart better than the share: "
                + errorLearned + " against " + errorShare);
    }

    /** The target: 20 agents, 30% live answers, 60 s talk; every day under 3% abandoned. */
    @Test
    void thePredictivePacerToldEachCallsChanceKeepsAgentsBusierAtTheSameAbandonment() {
        var population = new AnswerChances(Habits.defaults(), Knowledge.NONE);
        double share = 0;
        double own = 0;
        for (long seed = 1; seed <= 3; seed++) {
            var shareDay = new CampaignSimulator(TWENTY.withAnswerChances(population), null, null)
                    .run(new PredictivePacer(PredictiveConfig.defaults()), seed, new AbandonLedger(AbandonRule.defaults()));
            var ownDay = new CampaignSimulator(TWENTY.withAnswerChances(population.told(Knowledge.TRUE)), null, null)
                    .run(new PredictivePacer(PredictiveConfig.defaults()), seed, new AbandonLedger(AbandonRule.defaults()));
            for (var day : new DayResult[] {shareDay, ownDay}) {
                assertTrue(day.abandons() < 0.03 * day.liveAnswers(), "seed " + seed + ": " + day.abandons()
                        + " abandoned of " + day.liveAnswers());
            }
            share += shareDay.occupancy() / 3;
            own += ownDay.occupancy() / 3;
        }
        assertTrue(own > share + 0.008, "occupancy told each call's chance " + own + ", with one share " + share);
    }
}
