package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PbxContextCheckTest {
    private static final URI AGI = URI.create("agi://127.0.0.1:1/reminder");

    @Test
    void aPbxWithBothContextsLacksNothing() throws Exception {
        var sim = new SimulatorConfig("127.0.0.1", 0, "dialer", "secret", Map.of("dialer-out", AGI), Set.of("dialer-out"),
                "dialer-agents", List.of("101"), Population.defaults(), 1.0, 1L);

        var missing = missingOn(sim, "dialer-out", "dialer-agents");

        assertEquals(List.of(), missing);
    }

    @Test
    void aPbxWithoutTheOutboundContextIsToldWhichOneIsMissing() throws Exception {
        var sim = new SimulatorConfig("127.0.0.1", 0, "dialer", "secret", Map.of("other-out", AGI), Set.of(),
                "dialer-agents", List.of("101"), Population.defaults(), 1.0, 1L);

        var missing = missingOn(sim, "dialer-out", "dialer-agents");

        assertEquals(List.of("dialer-out"), missing);
    }

    @Test
    void contextNamesAreComparedIgnoringCaseAsAsteriskDoes() {
        var missing = PbxContextCheck.missing(List.of("Dialer-Out", "dialer-agents"), Set.of("dialer-out"));

        assertEquals(List.of("dialer-agents"), missing);
    }

    private static List<String> missingOn(SimulatorConfig sim, String outbound, String agents) throws Exception {
        try (var pbx = PbxSimulator.start(sim)) {
            var d = AmiConfig.defaults();
            var config = new AmiConfig("127.0.0.1", pbx.amiPort(), "dialer", "secret", d.dialTemplate(), outbound,
                    agents, d.actionTimeout(), d.pingInterval(), d.eventQueueCapacity());
            var originator = AmiCallOriginator.connect(config, Clock.systemUTC());
            try {
                return originator.missingContexts();
            } finally {
                originator.close();
            }
        }
    }
}
