package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.ami.AmiPbx;
import io.duecall.domain.pbx.PbxLimits;
import io.duecall.domain.pbx.TrunkLimits;
import io.duecall.sipconfig.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code pbxs[]} entry: a PBX of the node's pool, reached either through its own {@code deployment} file (AMI
 * endpoint, credentials, contexts and trunks as rendered for it) or through {@code host}, {@code port},
 * {@code username}, {@code secret} and the dial templates. {@code channels} and {@code originatesPerSecond} are
 * required; a trunk without {@code originatesPerSecond} is limited by its PBX alone. {@code abandonContext} and
 * {@code maxOutstandingOriginates} are as {@code ami}'s keys of those names (with a deployment, its
 * {@code contexts.abandon} names the abandon context).
 */
public record PbxSettings(String name, String deployment, String host, Integer port, String username, String secret,
        String dialTemplate, String outboundContext, String agentContext, Integer channels, Double originatesPerSecond,
        Double burst, List<TrunkSettings> trunks, String abandonContext, Integer maxOutstandingOriginates) {

    /** {@code dialTemplate} defaults to {@code PJSIP/{number}@<name>}, the trunk's endpoint in pjsip.conf. */
    public record TrunkSettings(String name, Double originatesPerSecond, Double burst, String dialTemplate) {}

    @Override
    public String toString() {
        return "PbxSettings[name=" + name + ", deployment=" + deployment + ", host=" + host + ", port=" + port
                + ", username=" + username + ", secret=****, channels=" + channels + ", originatesPerSecond="
                + originatesPerSecond + ", burst=" + burst + ", trunks=" + trunks + ", abandonContext="
                + abandonContext + ", maxOutstandingOriginates=" + maxOutstandingOriginates + "]";
    }

    /** The entry with a relative {@code deployment} read from {@code base}, the configuration file's directory. */
    PbxSettings relativeTo(Path base) {
        if (deployment == null || deployment.isBlank() || Path.of(deployment).isAbsolute()) {
            return this;
        }
        return new PbxSettings(name, base.resolve(deployment).normalize().toString(), host, port, username, secret,
                dialTemplate, outboundContext, agentContext, channels, originatesPerSecond, burst, trunks,
                abandonContext, maxOutstandingOriginates);
    }

    /** Every entry resolved; each problem is added to {@code errors} under its key, e.g. {@code pbxs[1].channels}. */
    static List<AmiPbx> resolveAll(List<PbxSettings> list, SecretResolver secrets, List<String> errors) {
        if (list.isEmpty()) {
            errors.add("pbxs is empty (expected at least one PBX, or no pbxs key for the single ami PBX)");
        }
        var pbxs = new ArrayList<AmiPbx>();
        var names = new HashSet<String>();
        for (int i = 0; i < list.size(); i++) {
            var key = "pbxs[" + i + "]";
            var entry = list.get(i);
            if (entry == null) {
                errors.add(key + " is empty");
                continue;
            }
            if (entry.name() != null && !names.add(entry.name())) {
                errors.add(key + ".name was '" + entry.name() + "' but it is used by an earlier PBX");
            }
            var pbx = entry.resolve(key, secrets, errors);
            if (pbx != null) {
                pbxs.add(pbx);
            }
        }
        return pbxs;
    }

    private AmiPbx resolve(String key, SecretResolver secrets, List<String> errors) {
        int before = errors.size();
        if (name == null || name.isBlank()) {
            errors.add(key + ".name is missing (expected a short name such as pbx-a)");
        }
        if (channels == null) {
            errors.add(key + ".channels is missing (expected the calls this node may have up on the PBX)");
        } else if (channels < 1) {
            errors.add(key + ".channels was '" + channels + "' but it must be > 0");
        }
        if (originatesPerSecond == null) {
            errors.add(key + ".originatesPerSecond is missing (expected the originates a second the PBX takes)");
        }
        checkRate(key + ".", originatesPerSecond, burst, errors);
        var source = deployment == null ? fromAmiKeys(key, secrets, errors) : fromDeployment(key, secrets, errors);
        if (source == null) {
            return null;
        }
        var trunkLimits = new ArrayList<TrunkLimits>();
        var templates = new LinkedHashMap<String, String>();
        int index = 0;
        for (var trunk : source.trunks().entrySet()) {
            templates.put(trunk.getKey(), trunk.getValue().dialTemplate());
            trunkLimits.add(trunkLimits(key + ".trunks[" + index++ + "].", trunk.getValue(), errors));
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            var limits = new PbxLimits(name, channels, originatesPerSecond,
                    burst == null ? Math.max(1, originatesPerSecond) : burst, trunkLimits);
            return new AmiPbx(limits, source.ami(), templates);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(key + "." + e.getMessage());
            return null;
        }
    }

    private static TrunkLimits trunkLimits(String trunkKey, TrunkSettings settings, List<String> errors) {
        var trunk = settings.name();
        var rate = settings.originatesPerSecond();
        if (rate == null) {
            if (settings.burst() != null) {
                errors.add(trunkKey + "burst is set but originatesPerSecond is not");
            }
            return TrunkLimits.unlimited(trunk);
        }
        if (!checkRate(trunkKey, rate, settings.burst(), errors)) {
            return TrunkLimits.unlimited(trunk);
        }
        return new TrunkLimits(trunk, rate, settings.burst() == null ? Math.max(1, rate) : settings.burst());
    }

    /** A rate must be a finite number > 0 and a burst a finite number >= 1; false (and the problem added) otherwise. */
    private static boolean checkRate(String prefix, Double rate, Double burst, List<String> errors) {
        boolean ok = true;
        if (rate != null && (!(rate > 0) || rate.isInfinite())) {
            errors.add(prefix + "originatesPerSecond was '" + rate + "' but it must be a finite number > 0");
            ok = false;
        }
        if (burst != null && (!(burst >= 1) || burst.isInfinite())) {
            errors.add(prefix + "burst was '" + burst + "' but it must be a finite number >= 1");
            ok = false;
        }
        return ok;
    }

    /** Where a PBX is reached and its trunks with their dial templates, in order of preference. */
    private record Source(AmiConfig ami, Map<String, TrunkSettings> trunks) {}

    private Source fromAmiKeys(String key, SecretResolver secrets, List<String> errors) {
        if (host == null) {
            errors.add(key + ".host is missing (expected the PBX's AMI address, or a deployment file)");
            return null;
        }
        var d = AmiConfig.defaults();
        var resolvedSecret = secrets.resolve(key + ".secret", secret, "PBX_A_SECRET", "/run/secrets/pbx-a");
        if (secret == null && Hosts.isLoopback(host)) {
            resolvedSecret = d.secret();
        } else if (secret == null) {
            secrets.missing(key + ".secret", "PBX_A_SECRET", "/run/secrets/pbx-a");
        }
        if (resolvedSecret == null) {
            resolvedSecret = d.secret(); // the problem is reported; go on to report the others too
        }
        try {
            var ami = new AmiConfig(host, port == null ? d.port() : port, or(username, d.username()), resolvedSecret,
                    or(dialTemplate, d.dialTemplate()), or(outboundContext, d.outboundContext()),
                    or(agentContext, d.agentContext()), d.actionTimeout(), d.pingInterval(), d.eventQueueCapacity(),
                    or(abandonContext, d.abandonContext()), or(maxOutstandingOriginates, d.maxOutstandingOriginates()));
            if (trunks == null || trunks.isEmpty()) {
                return new Source(ami, Map.of(AmiPbx.DEFAULT_TRUNK,
                        new TrunkSettings(AmiPbx.DEFAULT_TRUNK, null, null, ami.dialTemplate())));
            }
            if (dialTemplate != null) {
                errors.add(key + ".dialTemplate is set beside trunks (expected each trunk's dialTemplate instead)");
            }
            return new Source(ami, namedTrunks(key, null, errors));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage().replace("ami.", key + "."));
            return null;
        }
    }

    private Source fromDeployment(String key, SecretResolver secrets, List<String> errors) {
        for (var set : List.of(new Object[] {"host", host}, new Object[] {"port", port},
                new Object[] {"username", username}, new Object[] {"secret", secret},
                new Object[] {"dialTemplate", dialTemplate}, new Object[] {"outboundContext", outboundContext},
                new Object[] {"agentContext", agentContext}, new Object[] {"abandonContext", abandonContext})) {
            if (set[1] != null) {
                errors.add(key + "." + set[0] + " is set beside " + key + ".deployment (expected one or the other)");
            }
        }
        var source = DeploymentSource.load(key + ".deployment", deployment, secrets.secrets(), errors);
        if (source == null) {
            return null;
        }
        var ami = source.ami();
        if (maxOutstandingOriginates != null) {
            try {
                ami = ami.withMaxOutstandingOriginates(maxOutstandingOriginates);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage().replace("ami.", key + "."));
                return null;
            }
        }
        var known = source.file().dialTemplates();
        if (trunks == null || trunks.isEmpty()) {
            var all = new LinkedHashMap<String, TrunkSettings>();
            known.forEach((name, template) -> all.put(name, new TrunkSettings(name, null, null, template)));
            return new Source(ami, all);
        }
        return new Source(ami, namedTrunks(key, known, errors));
    }

    /**
     * The listed trunks; with a deployment ({@code known}, its trunks' dial templates by name, not null) each must be
     * one of its trunks, dialed as the deployment renders it.
     */
    private Map<String, TrunkSettings> namedTrunks(String key, Map<String, String> known, List<String> errors) {
        var named = new LinkedHashMap<String, TrunkSettings>();
        for (int t = 0; t < trunks.size(); t++) {
            var trunk = trunks.get(t);
            var trunkKey = key + ".trunks[" + t + "]";
            if (trunk == null || trunk.name() == null || trunk.name().isBlank()) {
                errors.add(trunkKey + ".name is missing");
                continue;
            }
            if (known != null && !known.containsKey(trunk.name())) {
                errors.add(trunkKey + ".name was '" + trunk.name() + "' but the deployment has only trunks "
                        + known.keySet());
                continue;
            }
            if (known != null && trunk.dialTemplate() != null) {
                errors.add(trunkKey + ".dialTemplate is set but the deployment's trunks are dialed as "
                        + known.get(trunk.name()));
            }
            var template = known != null ? known.get(trunk.name())
                    : trunk.dialTemplate() == null ? Deployment.Trunk.dialTemplate(trunk.name()) : trunk.dialTemplate();
            if (!AmiConfig.validDialTemplate(template)) {
                errors.add(trunkKey + ".dialTemplate was '" + template.strip() + "' but it must be one line holding "
                        + AmiConfig.NUMBER_PLACEHOLDER);
            }
            if (named.put(trunk.name(), new TrunkSettings(trunk.name(), trunk.originatesPerSecond(), trunk.burst(),
                    template)) != null) {
                errors.add(trunkKey + ".name was '" + trunk.name() + "' but it is used by an earlier trunk");
            }
        }
        return named;
    }
}
