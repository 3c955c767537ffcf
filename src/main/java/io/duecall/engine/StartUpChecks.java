package io.duecall.engine;

import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.redis.RedisHealth;
import io.duecall.engine.config.EngineConfig;
import io.duecall.engine.doctor.Check;
import io.duecall.engine.doctor.Doctor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * The doctor's quick checks of a running engine, for its start-up warnings and {@code /readyz}: the store's
 * (persistence, eviction, the clock against Redis's), read live, and each PBX's (the modules the dialplan uses, each
 * agent phone's device state) as {@link #checkAtStartUp()} found them. A deployment runs with them failing, but
 * should not.
 */
final class StartUpChecks {
    // The warnings are the engine's, logged under its name.
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private final EngineConfig.Resolved config;
    private final Clock clock;
    private final UnifiedJedis jedis;
    private final List<AmiPbx> pbxs;
    /** The PBX checks made at start-up, reported with the store's live ones. */
    private volatile List<Check> pbxChecks = List.of();

    StartUpChecks(EngineConfig.Resolved config, Clock clock, UnifiedJedis jedis, List<AmiPbx> pbxs) {
        this.config = config;
        this.clock = clock;
        this.jedis = jedis;
        this.pbxs = pbxs;
    }

    /** The store's checks, read now, then the PBX checks of the last {@link #checkAtStartUp()}. */
    List<Check> deploymentWarnings() {
        var checks = new ArrayList<Check>(Doctor.storeOnly(clock).redis(() -> new RedisHealth(jedis,
                config.redis().keyPrefix()), "the engine's Redis").stream()
                .filter(check -> !check.name().equals("redis")).toList());
        checks.addAll(pbxChecks);
        return checks;
    }

    /**
     * Makes the quick checks once (not the loop-back call, which needs the FastAGI port the engine holds), logs each
     * failure at WARN and returns them all. The PBX checks use a short AMI session of their own per PBX.
     */
    List<Check> checkAtStartUp() {
        var dialplan = Commands.dialplanSettings(config);
        pbxChecks = Doctor.overAmi(clock).pbxs(new Doctor.Target(pbxs, DoctorCommand.modules(dialplan),
                config.agents().seats(), dialplan.agentDial(), /* loopBack= */ null)).stream()
                .filter(check -> !check.ok() || !check.name().endsWith(" AMI")).toList();
        var checks = deploymentWarnings();
        checks.stream().filter(check -> !check.ok()).forEach(check -> LOG.warn("{}", check.line()));
        return checks;
    }

    /** What {@code /readyz} lists: each check by its name in dashes, {@code ok} or what it found. */
    Map<String, String> readiness() {
        var checks = new LinkedHashMap<String, String>();
        for (var check : deploymentWarnings()) {
            checks.put(check.name().replace(' ', '-'), check.ok() ? "ok" : check.found());
        }
        return checks;
    }
}
