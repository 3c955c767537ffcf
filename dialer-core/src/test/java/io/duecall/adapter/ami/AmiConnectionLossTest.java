package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.domain.account.E164;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.port.CallRequest;
import io.duecall.port.TelephonyUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AmiConnectionLossTest {

    @Test
    void pbxGoingAwayIsReportedAsLostAndRefusesNewCalls() throws Exception {
        var simConfig = SimulatorConfig.defaults(URI.create("agi://127.0.0.1:1/reminder")).withAmiPort(0);
        var simulator = PbxSimulator.start(simConfig);
        var config = AmiConfig.defaults().withEndpoint("127.0.0.1", simulator.amiPort())
                .withCredentials(simConfig.amiUsername(), simConfig.amiSecret());
        var lost = new CompletableFuture<AmiConnectionEvent>();
        try (var originator = AmiCallOriginator.connect(config, Clock.systemUTC())) {
            originator.onConnectionEvent(lost::complete);

            simulator.close();

            assertInstanceOf(AmiConnectionLost.class, lost.get(10, TimeUnit.SECONDS));
            assertFalse(originator.connected());
            var request = new CallRequest("c-after-loss", new CampaignId("reminders"), new E164("+15550000401"),
                    Duration.ofSeconds(20));
            assertThrows(TelephonyUnavailableException.class, () -> originator.originate(request));
        }
    }
}
