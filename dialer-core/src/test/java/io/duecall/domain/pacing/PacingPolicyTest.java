package io.duecall.domain.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.campaign.CampaignMode;
import org.junit.jupiter.api.Test;

class PacingPolicyTest {

    @Test
    void agentCampaignsDialProgressiveAndIvrCampaignsAgentlessByDefault() {
        assertEquals(PacingPolicy.Mode.PROGRESSIVE, PacingPolicy.defaultsFor(CampaignMode.AGENT).mode());
        assertEquals(PacingPolicy.Mode.AGENTLESS, PacingPolicy.defaultsFor(CampaignMode.IVR_REMINDER).mode());
    }

    @Test
    void predictivePacingSuitsOnlyAgentCampaigns() {
        var predictive = PacingPolicy.of(PacingPolicy.Mode.PREDICTIVE);

        assertNull(predictive.mismatch(CampaignMode.AGENT));
        assertTrue(predictive.mismatch(CampaignMode.IVR_REMINDER).startsWith("pacing.mode: predictive"));
        assertInstanceOf(PredictivePacer.class, predictive.newPacer(10));
    }

    @Test
    void targetAboveTheLegalLimitIsRejectedNamingTheKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new PacingPolicy(PacingPolicy.Mode.PREDICTIVE, 1.5, 3, 10, 0.05));

        assertEquals("pacing.targetAbandonRate: 0.05 (expected > 0 and <= 0.03)", e.getMessage());
    }

    @Test
    void powerPacingPlacesItsLinesPerReadyAgentAndNoMoreThanItsCapAllows() {
        var s = new PacingSnapshot(0, 4, 2, 0, new double[] {30, 40}, new double[0], new double[1], 0, 3, 100,
                AbandonCounters.NONE);

        int placed = new PacingPolicy(PacingPolicy.Mode.POWER, 2, 2, 100, 0.025).newPacer(10).callsToPlace(s);

        assertEquals(3, placed);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new PacingPolicy(PacingPolicy.Mode.POWER, 3, 2, 10, 0.025));
        assertEquals("pacing.linesPerAgent: 3.0 (expected at most maxLinesPerAgent 2)", e.getMessage());
    }
}
