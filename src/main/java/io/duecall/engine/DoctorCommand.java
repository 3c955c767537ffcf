package io.duecall.engine;

import io.duecall.adapter.redis.RedisHealth;
import io.duecall.engine.config.EngineConfig;
import io.duecall.engine.doctor.Check;
import io.duecall.engine.doctor.Doctor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@code doctor --config FILE}: every check of {@link Doctor}, one line each; exit 1 when any fails. */
final class DoctorCommand {
    private DoctorCommand() {}

    static int run(Options options, PrintStream out) throws Exception {
        var config = EngineConfig.load(Path.of(options.required("config"))).validate();
        options.rejectUnknown();
        var checks = checks(config, Doctor.overAmi(Clock.systemUTC()));
        checks.forEach(check -> out.println(check.line()));
        var failed = checks.stream().filter(check -> !check.ok()).count();
        out.printf("duecall doctor: %d checks, %s%n", checks.size(), failed == 0 ? "all OK" : failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    static List<Check> checks(EngineConfig.Resolved config, Doctor doctor) {
        var checks = new ArrayList<Check>();
        var where = config.redis().clusterNodes().isEmpty()
                ? (config.redis().url() == null ? "the default Redis" : config.redis().url())
                : config.redis().clusterNodes().size() + " cluster nodes";
        try (var redis = Commands.redis(config); var jedis = redis.connect(1)) {
            checks.addAll(doctor.redis(() -> new RedisHealth(jedis, config.redis().keyPrefix()), redis.description()));
        } catch (RuntimeException e) {
            checks.addAll(doctor.redis(() -> {
                throw e;
            }, where));
        }
        checks.add(doctor.timeZones());
        var dialplan = Commands.dialplanSettings(config);
        var modules = new ArrayList<>(List.of("res_agi.so", "app_dial.so"));
        if (dialplan.agentDial().startsWith("PJSIP/")) {
            modules.add("chan_pjsip.so");
        }
        if (dialplan.amd()) {
            modules.add("app_amd.so");
        }
        checks.addAll(doctor.pbxs(new Doctor.Target(config.pbxs(), modules, config.agents().seats(),
                dialplan.agentDial())));
        return checks;
    }
}
