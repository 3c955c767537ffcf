package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.E164;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.port.CallRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The PBX goes away and comes back on the same port: the originator notices both and originates again. */
class AmiConnectionReturnTest {

    @Test
    void pbxComingBackOnTheSamePortIsReportedAsRestoredAndTakesCallsAgain() throws Exception {
        var simConfig = SimulatorConfig.defaults(URI.create("agi://127.0.0.1:1/reminder")).withAmiPort(0);
        var simulator = PbxSimulator.start(simConfig);
        int port = simulator.amiPort();
        var config = AmiConfig.defaults().withEndpoint("127.0.0.1", port)
                .withCredentials(simConfig.amiUsername(), simConfig.amiSecret());
        var lost = new CompletableFuture<AmiConnectionEvent>();
        var restored = new CompletableFuture<AmiConnectionEvent>();
        try (var originator = AmiCallOriginator.connect(config, Clock.systemUTC())) {
            originator.onConnectionEvent(event -> (event instanceof AmiConnectionLost ? lost : restored).complete(event));
            simulator.close();
            lost.get(10, TimeUnit.SECONDS);

            simulator = PbxSimulator.start(simConfig.withAmiPort(port));

            assertInstanceOf(AmiConnectionRestored.class, restored.get(30, TimeUnit.SECONDS));
            assertTrue(originator.connected());
            var request = new CallRequest("c-after-return", new CampaignId("reminders"), new E164("+15550000402"),
                    Duration.ofSeconds(20));
            assertDoesNotThrow(() -> originator.originate(request));
        } finally {
            simulator.close();
        }
    }
}
