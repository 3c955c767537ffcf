package io.duecall.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.pacing.PacingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacingConfigTest {
    @TempDir
    Path dir;

    @Test
    void agentCampaignsDialProgressiveAndIvrCampaignsAgentlessUnlessTold() throws IOException {
        var resolved = load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                  - { id: desk, mode: AGENT, companyName: Acme, callbackNumber: "18005550100" }
                """).validate();

        assertEquals(PacingPolicy.Mode.AGENTLESS, resolved.campaigns().pacing().get(new CampaignId("reminders")).mode());
        assertEquals(PacingPolicy.Mode.PROGRESSIVE, resolved.campaigns().pacing().get(new CampaignId("desk")).mode());
    }

    @Test
    void agentCampaignMayDialPredictiveWithItsOwnLimits() throws IOException {
        var resolved = load("""
                campaigns:
                  - id: desk
                    mode: AGENT
                    companyName: Acme
                    callbackNumber: "18005550100"
                    pacing: { mode: predictive, maxLinesPerAgent: 2, maxOriginatesPerSecond: 5, targetAbandonRate: 0.02 }
                """).validate();

        assertEquals(new PacingPolicy(PacingPolicy.Mode.PREDICTIVE, 1.5, 2, 5, 0.02),
                resolved.campaigns().pacing().get(new CampaignId("desk")));
    }

    @Test
    void everyPacingProblemIsNamedUnderItsCampaign() {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    pacing: { mode: predictive }
                  - id: desk
                    mode: AGENT
                    companyName: Acme
                    callbackNumber: "18005550100"
                    pacing: { mode: turbo }
                  - id: late
                    mode: AGENT
                    companyName: Acme
                    callbackNumber: "18005550100"
                    pacing: { mode: predictive, targetAbandonRate: 0.04 }
                """).validate());

        var message = error.getMessage();
        assertTrue(message.startsWith("configuration has 3 problem(s)"), message);
        assertTrue(message.contains("campaigns[0].pacing.mode: predictive (expected agentless for an IVR_REMINDER campaign)"),
                message);
        assertTrue(message.contains("campaigns[1].pacing.mode was 'turbo' but it must be one of progressive, power, "
                + "predictive, agentless"), message);
        assertTrue(message.contains("campaigns[2].pacing.targetAbandonRate: 0.04 (expected > 0 and <= 0.03)"), message);
    }

    private EngineConfig load(String yaml) throws IOException {
        var file = dir.resolve("duecall.yaml");
        Files.writeString(file, yaml);
        return EngineConfig.load(file);
    }
}
