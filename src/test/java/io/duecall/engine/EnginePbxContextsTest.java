package io.duecall.engine;

import io.duecall.engine.config.EngineConfig;
import io.duecall.engine.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.domain.pbx.PbxLimits;
import io.duecall.domain.pbx.TrunkLimits;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** At start-up the engine asks each PBX for its dialplan and refuses one that lacks a context it needs. */
class EnginePbxContextsTest {
    private final EngineConfig.Resolved config = DemoConfig.of("duecall-pbxcheck-" + UUID.randomUUID());
    private final AtomicReference<PbxSimulator> simulator = new AtomicReference<>();
    private ProvisionedRedis redis;

    @BeforeEach
    void startRedis() {
        redis = TestRedis.provision();
    }

    @AfterEach
    void stop() {
        if (simulator.get() != null) {
            simulator.get().close();
        }
        redis.close();
    }

    @Test
    void startUpFailsNamingTheAgentContextThePbxLacks() {
        var error = assertThrows(ConfigException.class, () -> Engine.start(config, Clock.systemUTC(),
                d -> { }, redis, agiPort -> pbx(agiPort, "other-agents")));

        assertTrue(error.getMessage().contains("has no dialplan context dialer-agents"), error.getMessage());
        assertTrue(error.getMessage().contains("./duecall render"), error.getMessage());
    }

    @Test
    void startUpSucceedsWhenThePbxHasBothContexts() throws Exception {
        try (var engine = Engine.start(config, Clock.systemUTC(), d -> { }, redis,
                agiPort -> pbx(agiPort, "dialer-agents"))) {

            var agi = engine.agiUrl();

            assertEquals("agi", agi.getScheme());
        }
    }

    @Test
    void startUpChecksEveryPbxOfThePoolAndNamesTheOneLackingAContext() {
        var second = new AtomicReference<PbxSimulator>();

        try {
            var error = assertThrows(ConfigException.class, () -> Engine.startPool(config,
                    Clock.systemUTC(), d -> { }, redis, agiPort -> List.of(
                            member("pbx-a", pbx(agiPort, "dialer-agents")),
                            member("pbx-b", pbx(agiPort, "other-agents", second))), ""));

            assertTrue(error.getMessage().contains("the PBX pbx-b at 127.0.0.1:" + second.get().amiPort()
                    + " has no dialplan context dialer-agents"), error.getMessage());
        } finally {
            if (second.get() != null) {
                second.get().close();
            }
        }
    }

    private static AmiPbx member(String name, AmiConfig ami) {
        return new AmiPbx(new PbxLimits(name, 10, 5, 5, List.of(TrunkLimits.unlimited("t"))), ami,
                Map.of("t", ami.dialTemplate()));
    }

    private AmiConfig pbx(int agiPort, String agentContext) {
        return pbx(agiPort, agentContext, simulator);
    }

    private AmiConfig pbx(int agiPort, String agentContext, AtomicReference<PbxSimulator> simulator) {
        var agi = URI.create("agi://127.0.0.1:" + agiPort + "/reminder");
        var sim = new SimulatorConfig("127.0.0.1", 0, "dialer", "secret", Map.of("dialer-out", agi),
                Set.of("dialer-out"), agentContext, List.of("101"), Population.defaults(), 1.0, 1L);
        simulator.set(PbxSimulator.start(sim));
        return config.ami().withEndpoint("127.0.0.1", simulator.get().amiPort()).withCredentials("dialer", "secret");
    }
}
