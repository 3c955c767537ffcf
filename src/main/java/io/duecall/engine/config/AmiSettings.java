package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.adapter.ami.AmiConfig;
import java.util.List;

/**
 * {@code ami:}: the single PBX's manager interface, when neither {@code deployment} nor {@code pbxs} is given. The
 * secret is a reference ({@code env:AMI_SECRET}); only a PBX on loopback may go without one and take the embedded
 * simulator's.
 */
public record AmiSettings(String host, Integer port, String username, String secret, String dialTemplate,
        String outboundContext, String agentContext, String abandonContext, Integer maxOutstandingOriginates) {

    public AmiSettings(String host, Integer port, String username, String secret, String dialTemplate,
            String outboundContext, String agentContext) {
        this(host, port, username, secret, dialTemplate, outboundContext, agentContext, null, null);
    }

    /**
     * The embedded simulator's: loopback, Local channels into the debtors context, and no secret reference (a PBX on
     * loopback then gets the simulator's own secret).
     */
    public static AmiSettings defaults() {
        var d = AmiConfig.defaults();
        return new AmiSettings(d.host(), d.port(), d.username(), null, d.dialTemplate(), d.outboundContext(),
                d.agentContext(), d.abandonContext(), d.maxOutstandingOriginates());
    }

    /** The AMI connection, each key left out taken from {@link #defaults()}; on a problem, the defaults. */
    AmiConfig resolve(SecretResolver secrets, List<String> errors) {
        var d = AmiConfig.defaults();
        var endpoint = or(host, d.host());
        var resolved = secrets.resolve("ami.secret", secret, "AMI_SECRET", "/run/secrets/ami");
        if (secret == null && Hosts.isLoopback(endpoint)) {
            resolved = d.secret();
        } else if (secret == null) {
            secrets.missing("ami.secret", "AMI_SECRET", "/run/secrets/ami");
        }
        if (resolved == null) {
            resolved = d.secret(); // the problem is reported; go on to report the others too
        }
        try {
            return new AmiConfig(endpoint, or(port, d.port()), or(username, d.username()), resolved,
                    or(dialTemplate, d.dialTemplate()), or(outboundContext, d.outboundContext()),
                    or(agentContext, d.agentContext()), d.actionTimeout(), d.pingInterval(), d.eventQueueCapacity(),
                    or(abandonContext, d.abandonContext()), or(maxOutstandingOriginates, d.maxOutstandingOriginates()));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return d;
        }
    }

    @Override
    public String toString() {
        return "AmiSettings[host=" + host + ", port=" + port + ", username=" + username + ", secret=****"
                + ", dialTemplate=" + dialTemplate + ", outboundContext=" + outboundContext + ", agentContext="
                + agentContext + ", abandonContext=" + abandonContext + ", maxOutstandingOriginates="
                + maxOutstandingOriginates + "]";
    }
}
