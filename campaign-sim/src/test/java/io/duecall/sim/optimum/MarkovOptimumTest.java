package io.duecall.sim.optimum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkovOptimumTest {

    @Test
    void singleAgentWithOneLineMatchesItsClosedForm() {
        // one agent, one line: idle until the call in flight answers live (rate p/ring), then talk and wrap-up
        var model = new MarkovPacingModel(1, 0.5, 10, 60, 20, 1);

        var policy = model.solve(5, null, 1e-10);

        double expected = 80.0 / (10 / 0.5 + 80);
        assertEquals(expected, policy.figures().occupancy(), 1e-6);
        assertEquals(0, policy.figures().abandonShare(), 1e-12);
        assertEquals(1, policy.targetLines(0, 0, 0));
        assertEquals(0, policy.targetLines(1, 0, 0));
        assertEquals(0, policy.targetLines(0, 1, 0));
    }

    @Test
    void singleAgentDialsWhileBusyOnlyWhenAbandonsCostNothing() {
        var model = new MarkovPacingModel(1, 0.5, 10, 60, 20, 1);

        var free = model.solve(0, null, 1e-10);

        // with memoryless times a call placed early gains nothing, so the gain equals the cautious policy's
        assertEquals(80.0 / (10 / 0.5 + 80), free.figures().occupancy(), 1e-6);
    }

    @Test
    void policyPlacesFewerLinesAsAgentsGetBusyAndAsAbandonsCostMore() {
        var model = MarkovPacingModel.withLinesPerAgent(5, 0.3, 14, 60, 20);
        var cheap = model.solve(20, null, 1e-8);
        var dear = model.solve(2000, null, 1e-8);

        for (int t = 0; t < 5; t++) {
            for (int w = 0; t + w < 5; w++) {
                assertTrue(cheap.targetLines(t + 1, w, 0) <= cheap.targetLines(t, w, 0), "talking " + t + ", wrapping " + w);
                assertTrue(cheap.targetLines(t, w + 1, 0) <= cheap.targetLines(t, w, 0), "talking " + t + ", wrapping " + w);
                assertTrue(dear.targetLines(t, w, 0) <= cheap.targetLines(t, w, 0), "talking " + t + ", wrapping " + w);
                for (int r = 0; r < model.maxLines; r++) {
                    assertTrue(cheap.targetLines(t, w, r + 1) >= cheap.targetLines(t, w, r));
                }
            }
        }
        assertTrue(cheap.figures().abandonShare() > dear.figures().abandonShare());
        assertTrue(cheap.targetLines(0, 0, 0) > 5, "places more lines than idle agents: " + cheap.targetLines(0, 0, 0));
    }

    @Test
    void bisectionMeetsTheAbandonCapBetweenTwoPolicies() {
        var model = MarkovPacingModel.withLinesPerAgent(5, 0.3, 14, 60, 20);

        var optimum = MarkovOptimum.solve(model, 0.03);

        assertEquals(0.03, optimum.abandonShare(), 1e-9);
        assertTrue(optimum.above().figures().abandonShare() > 0.03);
        assertTrue(optimum.below().figures().abandonShare() <= 0.03);
        assertTrue(optimum.above().multiplier() / optimum.below().multiplier() > 0.999);
        assertTrue(optimum.occupancy() > 0.6 && optimum.occupancy() < 1, "occupancy " + optimum.occupancy());
    }
}
