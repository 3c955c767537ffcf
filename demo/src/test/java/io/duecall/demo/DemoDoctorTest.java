package io.duecall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.ami.AmiPbx;
import io.duecall.devsupport.LoopbackPorts;
import io.duecall.devsupport.RedisServerProcess;
import io.duecall.engine.DemoConfig;
import io.duecall.engine.DoctorCommand;
import io.duecall.engine.config.AgiSettings;
import io.duecall.engine.config.EngineConfig;
import io.duecall.engine.config.RedisSettings;
import io.duecall.engine.doctor.Check;
import io.duecall.engine.doctor.Doctor;
import io.duecall.pbxsim.PbxSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor finds nothing wrong with the demo's own simulator, loop-back call included. */
class DemoDoctorTest {
    @Test
    void theDemosOwnSimulatorPassesEveryCheckWithTheLoopBackCall(@TempDir Path dir) throws Exception {
        var binary = RedisServerProcess.binaryOnPath();
        Assumptions.assumeTrue(binary.isPresent(), "redis-server is not on PATH");
        var demo = DemoConfig.of("duecall-doctor");
        var simulator = new AtomicReference<PbxSimulator>();
        try (var redis = RedisServerProcess.start(binary.get(), dir.resolve("redis"))) {
            int agiPort = LoopbackPorts.free();
            var ami = Demo.startSimulator(simulator, agiPort, Demo.Options.defaults(), demo);
            var config = new EngineConfig.Resolved(
                    new RedisSettings(redis.uri().toString(), "duecall-doctor").withDefaults(),
                    List.of(AmiPbx.single(EngineConfig.SINGLE_PBX, ami)),
                    new AgiSettings("127.0.0.1", agiPort, Duration.ofSeconds(10)).withDefaults(), demo.scheduler(),
                    demo.clustered(), demo.agents(), demo.campaigns(), demo.promises(), demo.http(), demo.imports());

            var checks = DoctorCommand.checks(config, Doctor.overAmi(Clock.systemUTC()));

            assertEquals(List.of(), checks.stream().filter(c -> !c.ok()).map(Check::line).toList());
            assertTrue(checks.stream().anyMatch(c -> c.name().equals("pbx loop-back call")), checks.toString());
        } finally {
            if (simulator.get() != null) {
                simulator.get().close();
            }
        }
    }
}
