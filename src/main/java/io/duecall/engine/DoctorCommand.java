package io.duecall.engine;

import io.duecall.adapter.redis.RedisHealth;
import io.duecall.engine.config.EngineConfig;
import io.duecall.engine.doctor.Check;
import io.duecall.engine.doctor.Doctor;
import io.duecall.engine.doctor.LoopBack;
import io.duecall.ivr.adapter.agi.AgiSessionListener;
import io.duecall.ivr.adapter.agi.IvrServer;
import io.duecall.ivr.adapter.agi.IvrServerConfig;
import io.duecall.ivr.adapter.agi.PromptCheckAgiScript;
import io.duecall.ivr.flow.PromptList;
import io.duecall.sipconfig.DialplanSettings;
import io.duecall.sipconfig.ExtensionsRenderer;
import io.duecall.adapter.redis.RedisDoctorReports;
import io.duecall.adapter.redis.RedisKeys;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.util.Optional;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@code doctor --config FILE}: every check of {@link Doctor}, one line each; exit 1 when any fails. */
public final class DoctorCommand {
    private DoctorCommand() {}

    static int run(EngineConfig.Resolved config, PrintStream out) throws Exception {
        var checks = checks(config, Doctor.overAmi(Clock.systemUTC()));
        checks.forEach(check -> out.println(check.line()));
        var failed = checks.stream().filter(check -> !check.ok()).count();
        out.printf("duecall doctor: %d checks, %s%n", checks.size(), failed == 0 ? "all OK" : failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    public static List<Check> checks(EngineConfig.Resolved config, Doctor doctor) {
        return checks(config, doctor, LoopBack.ARRIVAL);
    }

    /** Whether something (a running engine, if all is well) already listens where the doctor would. */
    private static boolean held(InetAddress address, int port) {
        try (var probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
            return false;
        } catch (BindException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The PBX checks with the loop-back call served by the running engine's FastAGI server, which reports through Redis. */
    private static List<Check> throughRunningEngine(EngineConfig.Resolved config, Doctor doctor,
            java.util.function.Function<LoopBack, Doctor.Target> target, String listening, Duration arrival) {
        try (var redis = Commands.redis(config); var jedis = redis.connect(1)) {
            var reports = new RedisDoctorReports(jedis, new RedisKeys(config.redis().keyPrefix()));
            return doctor.pbxs(target.apply(LoopBack.throughRunningEngine(ExtensionsRenderer.DOCTOR_CONTEXT, listening,
                    id -> reports.find(id).map(DoctorCommand::engineReport), d -> Thread.sleep(d.toMillis()), arrival,
                    LoopBack.WHOLE_CHECK)));
        } catch (RuntimeException redisDown) {
            return doctor.pbxs(target.apply(LoopBack.cannotListen(ExtensionsRenderer.DOCTOR_CONTEXT, listening,
                    "the port is held, and Redis, through which a running engine would report, is not reachable")));
        }
    }

    private static LoopBack.EngineReport engineReport(RedisDoctorReports.Report report) {
        return new LoopBack.EngineReport(report.peer(), report.done()
                ? Optional.of(new PromptCheckAgiScript.Report(report.peer(), report.present(), report.missing()))
                : Optional.empty());
    }

    /**
     * The modules every rendered dialplan uses: FastAGI, Dial and PJSIP for PJSIP agents. The doctor adds those of
     * AMD and MixMonitor when the PBX's outbound context runs them.
     */
    static List<String> modules(DialplanSettings dialplan) {
        var modules = new ArrayList<>(List.of("res_agi.so", "app_dial.so"));
        if (dialplan.agentDial().startsWith("PJSIP/")) {
            modules.add("chan_pjsip.so");
        }
        return modules;
    }

    /** As above, waiting {@code arrival} for the loop-back call's FastAGI session. */
    static List<Check> checks(EngineConfig.Resolved config, Doctor doctor, Duration arrival) {
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
        var modules = modules(dialplan);
        var files = PromptCommands.prompts(config).stream().map(PromptList.Entry::file).toList();
        var script = new PromptCheckAgiScript(files);
        var agi = config.agi();
        var listening = agi.bindHost() + ":" + agi.port();
        var target = (java.util.function.Function<LoopBack, Doctor.Target>) loopBack -> new Doctor.Target(
                config.pbxs(), modules, config.agents().seats(), dialplan.agentDial(), loopBack);
        InetAddress address;
        try {
            address = InetAddress.getByName(agi.bindHost());
        } catch (UnknownHostException e) {
            checks.addAll(doctor.pbxs(target.apply(LoopBack.cannotListen(ExtensionsRenderer.DOCTOR_CONTEXT,
                    listening, "agi.bindHost does not resolve"))));
            return checks;
        }
        if (held(address, agi.port())) {
            checks.addAll(throughRunningEngine(config, doctor, target, listening, arrival));
            return checks;
        }
        try (var server = new IvrServer(new IvrServerConfig(address, agi.port(), agi.readTimeout(), agi.allowList(),
                agi.limits()), Map.of(PromptCheckAgiScript.SCRIPT, script), AgiSessionListener.NONE)) {
            LoopBack loopBack;
            try {
                server.start();
                loopBack = LoopBack.listening(ExtensionsRenderer.DOCTOR_CONTEXT, listening, script, arrival,
                        LoopBack.WHOLE_CHECK);
            } catch (IllegalStateException e) {
                loopBack = LoopBack.cannotListen(ExtensionsRenderer.DOCTOR_CONTEXT, listening,
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
            checks.addAll(doctor.pbxs(target.apply(loopBack)));
        }
        return checks;
    }
}
