package io.duecall.engine.doctor;

import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.ami.PbxProbe;
import io.duecall.adapter.redis.RedisHealth;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;


/**
 * Checks everything on the path from the engine to a debtor's phone that can be checked without dialing one:
 * Redis (reachable, persistent, never evicting, on the same clock), the time-zone rules, and each PBX (AMI login,
 * the dialplan contexts, the modules the dialplan uses, each agent phone's device state, and the loop-back call
 * through the PBX back to FastAGI that finds the prompt files on it). Every check gives one line; a failure says how
 * to fix it. Nothing is written anywhere.
 */
public final class Doctor {
    /** Every rule is judged on the engine's clock; Redis's TIME stamps leases and streams. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(1);
    /** Applications the rendered outbound context may run, with the module each needs. */
    private static final java.util.Map<String, String> APPLICATION_MODULES = new java.util.LinkedHashMap<>(
            java.util.Map.of("AMD", "app_amd.so", "MixMonitor", "app_mixmonitor.so"));
    private static final Set<String> DEVICE_UP = Set.of("NOT_INUSE", "INUSE", "BUSY", "RINGING", "RINGINUSE",
            "ONHOLD");

    /** What the doctor needs to know about the deployment; {@code loopBack} null to place no loop-back call. */
    public record Target(List<AmiPbx> pbxs, List<String> modules, List<AgentSeat> agents, String agentDial,
            LoopBack loopBack) {
        public Target {
            pbxs = List.copyOf(pbxs);
            modules = List.copyOf(modules);
            agents = List.copyOf(agents);
        }
    }

    /** Opens an AMI session with a PBX for the checks; tests hand in their own. */
    public interface ProbeFactory {
        PbxProbe open(AmiPbx pbx) throws TelephonyUnavailableException;
    }

    private final Clock clock;
    private final ProbeFactory probes;

    public Doctor(Clock clock, ProbeFactory probes) {
        this.clock = clock;
        this.probes = probes;
    }

    public static Doctor overAmi(Clock clock) {
        return new Doctor(clock, pbx -> PbxProbe.login(pbx.ami()));
    }

    /** For the store's checks alone, as the running engine makes them; it checks no PBX. */
    public static Doctor storeOnly(Clock clock) {
        return new Doctor(clock, pbx -> {
            throw new TelephonyUnavailableException("PBX " + pbx.name() + " is not checked here", null);
        });
    }

    /** The Redis checks; a Redis that cannot be reached fails the first and skips the rest. */
    public List<Check> redis(Supplier<RedisHealth> redis, String where) {
        var checks = new ArrayList<Check>();
        RedisHealth health;
        long ping;
        try {
            health = redis.get();
            ping = health.pingNanos();
        } catch (RuntimeException e) {
            checks.add(Check.fail("redis", "not reachable at " + where + " (" + e.getMessage() + ")",
                    "start Redis there, or set redis.url (or DUECALL_REDIS_URL) to where it runs"));
            return checks;
        }
        checks.add(Check.ok("redis", String.format(Locale.ROOT, "reachable at %s (PING %.1f ms)", where,
                ping / 1e6)));
        var persistence = health.info("persistence");
        if (!"1".equals(persistence.get("aof_enabled"))) {
            checks.add(Check.fail("redis persistence", "append-only file off (a crash loses the promises and ledger "
                    + "lines written since the last snapshot)", "CONFIG SET appendonly yes, and put appendonly yes "
                    + "and appendfsync everysec in redis.conf"));
        } else if (!"ok".equals(persistence.getOrDefault("aof_last_write_status", "ok"))
                || !"ok".equals(persistence.getOrDefault("rdb_last_bgsave_status", "ok"))) {
            checks.add(Check.fail("redis persistence", "last write to disk failed (aof "
                    + persistence.get("aof_last_write_status") + ", rdb " + persistence.get("rdb_last_bgsave_status")
                    + "): Redis refuses writes until it can save", "free space on Redis's data disk and check its log"));
        } else {
            checks.add(Check.ok("redis persistence", "append-only file on, last write ok"));
        }
        var policy = health.info("memory").getOrDefault("maxmemory_policy", "unknown");
        if (policy.equals("noeviction")) {
            checks.add(Check.ok("redis eviction", "maxmemory-policy noeviction"));
        } else {
            checks.add(Check.fail("redis eviction", "maxmemory-policy " + policy + " (Redis may delete queued "
                    + "accounts, leases or ledger lines when memory is full)", "CONFIG SET maxmemory-policy noeviction, "
                    + "and the same in redis.conf"));
        }
        var skew = Duration.between(health.time(), clock.instant()).abs();
        var skewText = String.format(Locale.ROOT, "engine and Redis clocks %.3f s apart", skew.toMillis() / 1000.0);
        checks.add(skew.compareTo(MAX_CLOCK_SKEW) <= 0 ? Check.ok("clock", skewText)
                : Check.fail("clock", skewText + " (more than " + MAX_CLOCK_SKEW.toSeconds() + " s)",
                        "keep both hosts on NTP (chrony or systemd-timesyncd)"));
        return checks;
    }

    /** The time-zone rules every calling window is judged with. */
    public Check timeZones() {
        var versions = ZoneRulesProvider.getVersions("America/New_York");
        var version = versions.isEmpty() ? "unknown" : versions.lastKey();
        return Check.ok("time zones", "tzdb " + version + " (Java " + Runtime.version().feature()
                + "); a newer JDK update brings newer rules");
    }

    /** The checks of every PBX of {@code target}. */
    public List<Check> pbxs(Target target) {
        var checks = new ArrayList<Check>();
        for (var pbx : target.pbxs()) {
            checks.addAll(pbx(pbx, target));
        }
        return checks;
    }

    private List<Check> pbx(AmiPbx pbx, Target target) {
        var name = pbx.name();
        var checks = new ArrayList<Check>();
        try (var probe = probes.open(pbx)) {
            checks.add(Check.ok(name + " AMI", "logged in to " + pbx.ami().host() + ":" + pbx.ami().port() + " as '"
                    + pbx.ami().username() + "' (" + probe.version() + ")"));
            checks.add(contexts(name, probe, List.of(pbx.ami().outboundContext(), pbx.ami().agentContext())));
            for (var module : modules(probe, pbx, target.modules())) {
                checks.add(module(name, probe, module));
            }
            for (var agent : target.agents()) {
                if (agent.pbx() == null || agent.pbx().equals(pbx.name())) {
                    checks.add(agentPhone(name, probe, agent, target.agentDial()));
                }
            }
            if (target.loopBack() != null) {
                checks.addAll(target.loopBack().call(name, probe));
            }
        } catch (TelephonyUnavailableException e) {
            checks.add(Check.fail(name + " AMI", e.getMessage(), "check ami.host and ami.port, the user and secret "
                    + "in manager.conf, and that its permit/deny lets this host in"));
        }
        return checks;
    }

    /**
     * {@code base}, and the modules of the applications the PBX's outbound context runs: {@code app_amd.so} for
     * AMD, {@code app_mixmonitor.so} for MixMonitor (a recording deployment). A dialplan that cannot be listed adds
     * none; the dialplan check says why.
     */
    private static List<String> modules(PbxProbe probe, AmiPbx pbx, List<String> base) {
        var modules = new ArrayList<>(base);
        try {
            var apps = probe.applications(pbx.ami().outboundContext());
            APPLICATION_MODULES.forEach((app, module) -> {
                if (apps.contains(app) && !modules.contains(module)) {
                    modules.add(module);
                }
            });
        } catch (TelephonyUnavailableException e) {
            // Reported by the dialplan check.
        }
        return modules;
    }

    private static Check contexts(String name, PbxProbe probe, List<String> required) {
        try {
            var missing = probe.missingContexts(required);
            return missing.isEmpty() ? Check.ok(name + " dialplan", "contexts " + String.join(", ", required))
                    : Check.fail(name + " dialplan", "missing context " + String.join(", ", missing),
                            "include the output of ./duecall dialplan --config FILE in extensions.conf (or use "
                                    + "./duecall render) and run dialplan reload");
        } catch (TelephonyUnavailableException e) {
            return Check.fail(name + " dialplan", e.getMessage(), "give the AMI user write = reporting");
        }
    }

    private static Check module(String name, PbxProbe probe, String module) {
        try {
            return probe.moduleLoaded(module) ? Check.ok(name + " module " + module, "loaded")
                    : Check.fail(name + " module " + module, "not loaded", "module load " + module
                            + " on the Asterisk console, and make sure modules.conf does not noload it");
        } catch (TelephonyUnavailableException e) {
            return Check.fail(name + " module " + module, e.getMessage(), "give the AMI user write = call");
        }
    }

    private static Check agentPhone(String name, PbxProbe probe, AgentSeat agent, String agentDial) {
        var device = agentDial.replace("{ext}", agent.id().value());
        var label = name + " agent " + agent.id().value();
        try {
            var state = probe.deviceState(device);
            return DEVICE_UP.contains(state) ? Check.ok(label, device + " " + state)
                    : Check.fail(label, device + " " + state + (state.equals("UNAVAILABLE") ? " (not registered)"
                            : " (no such device)"), state.equals("UNAVAILABLE")
                            ? "register the agent's phone (check its SIP account and network)"
                            : "add the agent's endpoint to pjsip.conf (./duecall render does) or fix the agent id");
        } catch (TelephonyUnavailableException | IllegalArgumentException e) {
            return Check.fail(label, e.getMessage(), "give the AMI user write = call");
        }
    }
}
