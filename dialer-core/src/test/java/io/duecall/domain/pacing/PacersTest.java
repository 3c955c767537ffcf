package io.duecall.domain.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacersTest {
    private static final double[] NONE = new double[0];

    @Test
    void progressiveCoversEachReadyAgentOnce() {
        var s = PacingSnapshot.counts(0, 5, 2, 1, 3, 100);

        assertEquals(2, new ProgressivePacer().callsToPlace(s));
    }

    @Test
    void powerKeepsItsRatioOfLinesPerReadyAgent() {
        var s = PacingSnapshot.counts(0, 4, 2, 0, 2, 100);

        assertEquals(6, new PowerPacer(2.0).callsToPlace(s));
    }

    @Test
    void predictivePlacesNothingOnceAgentsLogOut() {
        var pacer = trainedPredictive();
        var s = new PacingSnapshot(1000, 0, 0, 0, NONE, NONE, NONE, 0, 0, 100, AbandonCounters.NONE);

        assertEquals(0, pacer.callsToPlace(s));
    }

    @Test
    void predictiveDialsAheadOfAgentsAboutToFinishWrapUp() {
        var pacer = trainedPredictive();
        var s = new PacingSnapshot(1000, 10, 0, 0, NONE, new double[] {19, 19, 19, 19, 19, 19, 19, 19, 19, 19},
                NONE, 0, 0, 100, AbandonCounters.NONE);

        int calls = pacer.callsToPlace(s);

        assertTrue(calls > 10, "10 agents free within seconds at a 30% live rate deserve more than 10 lines: " + calls);
        assertTrue(calls <= 30, "never more than 3 lines per agent: " + calls);
    }

    @Test
    void predictiveWaitsForAgentsDeepInLongCalls() {
        var pacer = trainedPredictive();
        var s = new PacingSnapshot(1000, 10, 0, 0, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, NONE, NONE, 0, 0, 100,
                AbandonCounters.NONE);

        assertEquals(0, pacer.callsToPlace(s));
    }

    @Test
    void predictiveRespectsTheLineCapAndTheOriginateRate() {
        var pacer = new PredictivePacer(PredictiveConfig.defaults().withMaxLinesPerAgent(2).withOriginatesPerSecond(3));
        train(pacer);
        var s = new PacingSnapshot(1000, 20, 20, 0, NONE, NONE, new double[] {1, 1, 1, 1, 1}, 0, 5, 1000,
                AbandonCounters.NONE);

        assertEquals(3, pacer.callsToPlace(s));
        assertEquals(0, pacer.callsToPlace(s));
    }

    @Test
    void overspentBudgetLeavesOnlyProgressiveCalls() {
        var pacer = trainedPredictive();
        var over = new AbandonCounters(100, 10, 100, 10);
        var s = new PacingSnapshot(1000, 10, 2, 0, NONE, new double[] {19, 19, 19, 19, 19, 19, 19, 19}, NONE, 0, 0,
                100, over);

        assertEquals(0.0, pacer.budget().allowedChance(over));
        assertEquals(2, pacer.callsToPlace(s));
    }

    @Test
    void aimNeverPlansToSpendWhatTheLimitLeavesForChance() {
        var pacer = trainedPredictive();
        var atTheEdge = new AbandonCounters(1000, 33, 1000, 33);
        var overspent = new AbandonCounters(1000, 29, 1000, 29);
        var saving = new AbandonCounters(1000, 10, 1000, 10);

        assertEquals(0.0, pacer.budget().allowedChance(atTheEdge));
        // four abandons over the 2.5% target are paid back over the next 25 live answers
        assertEquals(0.0, pacer.budget().allowedChance(overspent));
        assertEquals(0.0275, pacer.budget().allowedChance(saving), 1e-9);
    }

    @Test
    void predictiveFallsBackToProgressiveWithoutData() {
        var pacer = new PredictivePacer(PredictiveConfig.defaults());
        var s = new PacingSnapshot(0, 10, 3, 0, NONE, new double[] {19, 19, 19, 19, 19, 19, 19}, NONE, 0, 0, 100,
                AbandonCounters.NONE);

        assertEquals(3, pacer.callsToPlace(s));
    }

    @Test
    void dialLevelRisesWhileAgentsWaitAndNeverPassesThree() {
        var pacer = new AdaptiveDialLevelPacer(0.03);
        for (int t = 0; t <= 600; t++) {
            pacer.callsToPlace(PacingSnapshot.counts(t, 10, 0, 0, 0, 1000));
        }

        assertEquals(3.0, pacer.level(), 1e-9);
    }

    @Test
    void agentlessHonoursCallsPerSecond() {
        var pacer = new AgentlessPacer(100, new OriginateRateLimit(5, 5));

        assertEquals(5, pacer.callsToPlace(PacingSnapshot.counts(0, 0, 0, 0, 0, 50)));
        assertEquals(0, pacer.callsToPlace(PacingSnapshot.counts(0.1, 0, 0, 0, 5, 50)));
        assertEquals(5, pacer.callsToPlace(PacingSnapshot.counts(1.1, 0, 0, 0, 5, 50)));
    }

    @Test
    void originateRateStartsAfreshWhenTheClockGoesBack() {
        // a pacer reused for a second virtual day sees its clock restart at zero
        var limit = new OriginateRateLimit(5, 5);
        assertEquals(5, limit.take(28_000, 10));
        assertEquals(0, limit.take(0, 10));
        assertEquals(5, limit.take(1, 10));
        assertEquals(0, limit.take(1, 10));
    }

    /** A predictive pacer that has seen 500 calls: 30% live after 8-10 s, talk 40-80 s, wrap-up about 20 s. */
    static PredictivePacer trainedPredictive() {
        var pacer = new PredictivePacer(PredictiveConfig.defaults().withOriginatesPerSecond(100));
        train(pacer);
        return pacer;
    }

    private static void train(PredictivePacer pacer) {
        for (int i = 0; i < 500; i++) {
            boolean live = i % 10 < 3;
            pacer.observe(new CallObservation.Resolved(live ? 8 + i % 3 : 18 + i % 5, live));
            pacer.observe(new CallObservation.TalkEnded(40 + i % 40));
            pacer.observe(new CallObservation.WrapEnded(19 + (i % 3) * 0.5));
        }
    }
}
