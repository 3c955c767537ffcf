package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.adapter.ami.AmiConfig;
import java.util.List;

/** {@code ami:}: the single PBX's manager interface, when neither {@code deployment} nor {@code pbxs} is given. */
public record AmiSettings(String host, Integer port, String username, String secret, String dialTemplate,
        String outboundContext, String agentContext) {

    /** The embedded simulator's: loopback, Local channels into the debtors context. */
    public static AmiSettings defaults() {
        var d = AmiConfig.defaults();
        return new AmiSettings(d.host(), d.port(), d.username(), d.secret(), d.dialTemplate(), d.outboundContext(),
                d.agentContext());
    }

    /** The AMI connection, each key left out taken from {@link #defaults()}; on a problem, the defaults. */
    AmiConfig resolve(List<String> errors) {
        var d = AmiConfig.defaults();
        try {
            return new AmiConfig(or(host, d.host()), or(port, d.port()), or(username, d.username()),
                    or(secret, d.secret()), or(dialTemplate, d.dialTemplate()),
                    or(outboundContext, d.outboundContext()), or(agentContext, d.agentContext()), d.actionTimeout(),
                    d.pingInterval(), d.eventQueueCapacity());
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return d;
        }
    }

    @Override
    public String toString() {
        return "AmiSettings[host=" + host + ", port=" + port + ", username=" + username + ", secret=****"
                + ", dialTemplate=" + dialTemplate + ", outboundContext=" + outboundContext + ", agentContext="
                + agentContext + "]";
    }
}
