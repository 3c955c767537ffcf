package io.duecall.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.besttime.BestTime;
import io.duecall.domain.campaign.CampaignId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestTimeConfigTest {
    @TempDir
    Path dir;

    @Test
    void onlyCampaignsThatTurnItOnCallAtTheBestTimeWithTheirHold() throws IOException {
        var resolved = load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    bestTime: { enabled: true, maxHold: PT12H }
                  - id: desk
                    mode: AGENT
                    companyName: Acme
                    callbackNumber: "18005550100"
                    bestTime: { maxHold: PT6H }
                """).validate();

        assertEquals(Map.of(new CampaignId("reminders"), new BestTime(Duration.ofHours(12), 1.10)),
                resolved.campaigns().bestTime());
    }

    @Test
    void aHoldOrLiftOutOfRangeIsNamedUnderItsCampaign() {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    bestTime: { enabled: true, maxHold: P8D }
                  - id: late
                    companyName: Acme
                    callbackNumber: "18005550100"
                    bestTime: { enabled: true, minLift: 0.5 }
                """).validate());

        var message = error.getMessage();
        assertTrue(message.contains("campaigns[0].bestTime.maxHold: PT192H (expected 0 to 7 days)"), message);
        assertTrue(message.contains("campaigns[1].bestTime.minLift: 0.5 (expected >= 1)"), message);
    }

    private EngineConfig load(String yaml) throws IOException {
        var file = dir.resolve("duecall.yaml");
        Files.writeString(file, yaml);
        return EngineConfig.load(file);
    }
}
