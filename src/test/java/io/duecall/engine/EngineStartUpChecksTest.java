package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.engine.config.EngineConfig;
import io.duecall.engine.doctor.Check;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.web.http.OpsWebConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** At start-up the engine makes the doctor's quick checks, warns of each failure and reports them on /readyz. */
class EngineStartUpChecksTest {
    private final EngineConfig.Resolved config = DemoConfig.of("duecall-startup-" + UUID.randomUUID());
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
    void aMissingModuleAndAnUnregisteredPhoneAreWarnedOfAndShownOnReadyz() throws Exception {
        try (var engine = Engine.start(config, Clock.systemUTC(), d -> { }, redis, this::pbx)) {
            simulator.get().unloadModule("app_amd.so");
            simulator.get().deviceState("PJSIP/105", "UNAVAILABLE");

            var checks = engine.checkAtStartUp();

            var failed = checks.stream().filter(c -> !c.ok() && c.name().startsWith("pbx")).map(Check::line).toList();
            assertEquals(List.of("FAIL  pbx module app_amd.so: not loaded; fix: module load app_amd.so on the Asterisk "
                    + "console, and make sure modules.conf does not noload it",
                    "FAIL  pbx agent 105: PJSIP/105 UNAVAILABLE (not registered); fix: register the agent's phone "
                            + "(check its SIP account and network)"), failed);
            assertTrue(checks.stream().anyMatch(c -> c.name().equals("pbx module res_agi.so") && c.ok()),
                    checks.toString());
            var server = engine.startOpsServer(new OpsWebConfig("127.0.0.1", 0, OpsWebConfig.DEFAULT_MAX_BODY,
                    Map.of()));
            var readyz = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/readyz")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, readyz.statusCode(), readyz.body());
            assertTrue(readyz.body().contains("\"pbx-module-app_amd.so\":\"not loaded\""), readyz.body());
            assertTrue(readyz.body().contains("\"pbx-agent-105\":\"PJSIP/105 UNAVAILABLE (not registered)\""),
                    readyz.body());
            assertTrue(readyz.body().contains("\"pbx-module-res_agi.so\":\"ok\""), readyz.body());
        }
    }

    private AmiConfig pbx(int agiPort) {
        var agi = URI.create("agi://127.0.0.1:" + agiPort + "/reminder");
        var agents = config.agents().seats().stream().map(s -> s.id().value()).toList();
        var sim = new SimulatorConfig("127.0.0.1", 0, "dialer", "secret", Map.of("dialer-out", agi),
                Set.of("dialer-out"), "dialer-agents", agents, Population.defaults(), 1.0, 1L);
        simulator.set(PbxSimulator.start(sim));
        return config.ami().withEndpoint("127.0.0.1", simulator.get().amiPort()).withCredentials("dialer", "secret");
    }
}
