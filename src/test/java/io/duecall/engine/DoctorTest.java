package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.devsupport.RedisServerProcess;
import io.duecall.engine.config.EngineConfig;
import io.duecall.engine.config.RedisSettings;
import io.duecall.engine.doctor.Check;
import io.duecall.engine.doctor.Doctor;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.engine.config.AgiSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** The doctor against a private Redis run as a deployment should run it and the PBX simulator. */
class DoctorTest {
    private static final Clock CLOCK = Clock.systemUTC();
    @TempDir
    Path dir;
    private RedisServerProcess redis;
    private PbxSimulator pbx;
    /** Where the configuration's FastAGI server listens, and so where the simulated dialplan sends sessions. */
    private int agiPort;

    @BeforeEach
    void start() throws IOException {
        var binary = RedisServerProcess.binaryOnPath();
        Assumptions.assumeTrue(binary.isPresent(), "redis-server is not on PATH");
        redis = RedisServerProcess.start(binary.get(), dir.resolve("redis"));
        agiPort = freePort();
        pbx = simulator("dialer-agents", Map.of());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        if (pbx != null) {
            pbx.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** The demo's simulator: its doctor context sends FastAGI where dialer-out does, unless {@code more} says. */
    private PbxSimulator simulator(String agentContext, Map<String, URI> more) {
        return simulator(agentContext, more, Set.of("dialer-out"));
    }

    private PbxSimulator simulator(String agentContext, Map<String, URI> more, Set<String> amdContexts) {
        var agi = new java.util.HashMap<String, URI>(more);
        agi.put("dialer-out", URI.create("agi://127.0.0.1:" + agiPort + "/reminder"));
        return PbxSimulator.start(new SimulatorConfig("127.0.0.1", 0, "dialer", "secret", agi,
                amdContexts, agentContext, List.of("101"), Population.defaults(), 1.0, 1L));
    }

    private EngineConfig.Resolved config(PbxSimulator simulator, String secret) {
        var demo = DemoConfig.of("duecall-doctor");
        return config(demo.ami().withEndpoint("127.0.0.1", simulator.amiPort()).withCredentials("dialer", secret));
    }

    private EngineConfig.Resolved config(io.duecall.adapter.ami.AmiConfig ami) {
        var demo = DemoConfig.of("duecall-doctor");
        return new EngineConfig.Resolved(new RedisSettings(redis.uri().toString(), "duecall-doctor").withDefaults(),
                List.of(AmiPbx.single(EngineConfig.SINGLE_PBX, ami)),
                new AgiSettings("127.0.0.1", agiPort, Duration.ofSeconds(10)).withDefaults(), demo.scheduler(),
                demo.clustered(),
                demo.agents(), demo.campaigns(), demo.promises(), demo.http(), demo.imports());
    }

    private List<Check> checks(Clock clock) {
        return DoctorCommand.checks(config(pbx, "secret"), Doctor.overAmi(clock));
    }

    private static List<String> failures(List<Check> checks) {
        return checks.stream().filter(c -> !c.ok()).map(Check::line).toList();
    }

    @Test
    void aDeploymentRunAsDocumentedPassesEveryCheck() {
        var checks = checks(CLOCK);

        assertEquals(List.of(), failures(checks));
        var names = checks.stream().map(Check::name).toList();
        assertTrue(names.containsAll(List.of("redis", "redis persistence", "redis eviction", "clock", "time zones",
                "pbx AMI", "pbx dialplan", "pbx module res_agi.so", "pbx module app_amd.so",
                "pbx agent 101", "pbx agent 110", "pbx loop-back call", "pbx prompts")), names.toString());
        var prompts = checks.stream().filter(c -> c.name().equals("pbx prompts")).findFirst().orElseThrow();
        assertTrue(prompts.found().matches("all \\d{2,} prompt files the flows play are on the PBX"), prompts.line());
    }

    @Test
    void aPromptMissingOnThePbxFailsNamingIt() {
        pbx.removeSound("duecall/greeting-morning");
        pbx.removeSound("duecall/company-reminders");

        var failures = failures(checks(CLOCK));

        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.getFirst().matches("FAIL  pbx prompts: 2 of \\d+ prompt files missing on the PBX: "
                + "duecall/greeting-morning, duecall/company-reminders; fix: put the recordings .*"), failures.getFirst());
    }

    @Test
    void aFastAgiPortTheDialplanSendsToButNobodyListensOnFailsAsUnreachable() throws IOException {
        pbx.close();
        var closed = "agi://127.0.0.1:" + freePort() + "/doctor";
        pbx = simulator("dialer-agents", Map.of("dialer-doctor", URI.create(closed)));

        var failures = failures(DoctorCommand.checks(config(pbx, "secret"), Doctor.overAmi(CLOCK),
                Duration.ofSeconds(3)));

        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.getFirst().startsWith("FAIL  pbx loop-back call: FastAGI unreachable: the PBX answered "
                + "the loop-back call but no FastAGI session reached 127.0.0.1:" + agiPort + " within 3 s (the PBX's "
                + "dialer-doctor context sends it to " + closed + "); fix: "
                + "the dialplan's AGI address must be"), failures.getFirst());
    }

    @Test
    void aFastAgiPortHeldByAServerThatIsNotTheEngineFailsAsUnreachable() throws IOException {
        try (var held = new ServerSocket(agiPort, 1, InetAddress.getLoopbackAddress())) {
            var failures = failures(DoctorCommand.checks(config(pbx, "secret"), Doctor.overAmi(CLOCK),
                    Duration.ofSeconds(3)));

            assertEquals(1, failures.size(), failures.toString());
            assertTrue(failures.getFirst().startsWith("FAIL  pbx loop-back call: FastAGI unreachable: the PBX answered "
                    + "the loop-back call but no FastAGI session reached 127.0.0.1:" + agiPort + " (the port is held, "
                    + "presumably by ./duecall run"), failures.getFirst());
        }
    }

    @Test
    void whileTheEngineRunsItsFastAgiServerServesTheLoopBackCallAndReportsThroughRedis() throws Exception {
        var config = config(pbx, "secret");
        try (var engine = Engine.start(config, CLOCK, d -> { }, ProvisionedRedis.started(redis.uri(), "test",
                () -> { }), "")) {
            var ok = DoctorCommand.checks(config, Doctor.overAmi(CLOCK));

            assertEquals(List.of(), failures(ok));
            var loopBack = ok.stream().filter(c -> c.name().equals("pbx loop-back call")).findFirst().orElseThrow();
            assertTrue(loopBack.found().contains("(the port is held, presumably by ./duecall run"), loopBack.line());

            pbx.removeSound("duecall/menu-promise-agent");

            var missing = failures(DoctorCommand.checks(config, Doctor.overAmi(CLOCK)));

            assertEquals(1, missing.size(), missing.toString());
            assertTrue(missing.getFirst().startsWith("FAIL  pbx prompts: 1 of "), missing.getFirst());
            assertTrue(missing.getFirst().contains("missing on the PBX: duecall/menu-promise-agent;"),
                    missing.getFirst());
        }
    }

    @Test
    void redisWithoutAnAppendOnlyFileOrThatEvictsFailsEachWithItsFix() {
        try (var jedis = new JedisPooled(redis.uri())) {
            jedis.configSet("appendonly", "no");
            jedis.configSet("maxmemory-policy", "allkeys-lru");
        }

        var failures = failures(checks(CLOCK));

        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("FAIL  redis persistence: append-only file off"), failures.get(0));
        assertTrue(failures.get(0).endsWith("fix: CONFIG SET appendonly yes, and put appendonly yes and appendfsync "
                + "everysec in redis.conf"), failures.get(0));
        assertTrue(failures.get(1).startsWith("FAIL  redis eviction: maxmemory-policy allkeys-lru"), failures.get(1));
    }

    @Test
    void aRedisThatIsDownFailsOnceAndThePbxIsStillChecked() {
        redis.stop();

        var checks = checks(CLOCK);

        assertEquals(1, failures(checks).size(), failures(checks).toString());
        assertTrue(failures(checks).getFirst().startsWith("FAIL  redis: not reachable at "), failures(checks).toString());
        assertTrue(checks.stream().anyMatch(c -> c.name().equals("pbx dialplan") && c.ok()), checks.toString());
    }

    @Test
    void aClockOffFromRedisByMoreThanASecondFails() {
        var failures = failures(checks(Clock.offset(CLOCK, Duration.ofSeconds(5))));

        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.getFirst().startsWith("FAIL  clock: engine and Redis clocks 5."), failures.getFirst());
        assertTrue(failures.getFirst().endsWith("fix: keep both hosts on NTP (chrony or systemd-timesyncd)"));
    }

    @Test
    void aMissingModuleAnUnregisteredPhoneAndAnUnknownOneEachFail() {
        pbx.unloadModule("app_amd.so");
        pbx.deviceState("PJSIP/105", "UNAVAILABLE");
        pbx.deviceState("PJSIP/106", "INVALID");

        var failures = failures(checks(CLOCK));

        assertEquals(List.of(
                "FAIL  pbx module app_amd.so: not loaded; fix: module load app_amd.so on the Asterisk console, "
                        + "and make sure modules.conf does not noload it",
                "FAIL  pbx agent 105: PJSIP/105 UNAVAILABLE (not registered); fix: register the agent's phone "
                        + "(check its SIP account and network)",
                "FAIL  pbx agent 106: PJSIP/106 INVALID (no such device); fix: add the agent's endpoint to "
                        + "pjsip.conf (./duecall render does) or fix the agent id"), failures);
    }

    @Test
    void theModulesCheckedAreThoseTheOutboundContextRuns() {
        pbx.close();
        pbx = simulator("dialer-agents", Map.of(), /* amdContexts= */ Set.of());
        pbx.unloadModule("app_amd.so");

        var checks = checks(CLOCK);

        assertEquals(List.of(), failures(checks));
        assertTrue(checks.stream().noneMatch(c -> c.name().equals("pbx module app_amd.so")), checks.toString());
        assertTrue(checks.stream().anyMatch(c -> c.name().equals("pbx module res_agi.so")), checks.toString());
    }

    @Test
    void aMissingContextAndAWrongSecretFail() {
        pbx.close();
        pbx = simulator("other-agents", Map.of());

        var missing = failures(checks(CLOCK));
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.getFirst().startsWith("FAIL  pbx dialplan: missing context dialer-agents; fix: "),
                missing.getFirst());

        var refused = failures(DoctorCommand.checks(config(pbx, "wrong"), Doctor.overAmi(CLOCK)));
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.getFirst().startsWith("FAIL  pbx AMI: AMI login to 127.0.0.1:" + pbx.amiPort()
                + " as 'dialer' failed"), refused.getFirst());
    }
}
