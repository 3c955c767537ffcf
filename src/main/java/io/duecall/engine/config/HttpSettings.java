package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.domain.agent.AgentId;
import io.duecall.web.http.OpsWebConfig;
import io.duecall.web.Principal;
import java.util.HashMap;
import java.util.List;

/** {@code http:}: the operations server; no {@code port} means no server. Each token is operations or one agent's. */
public record HttpSettings(String bindHost, Integer port, Integer maxBodyBytes, List<TokenSettings> tokens) {

    /** No server; when a port is given, loopback only, 4 MiB bodies at most, and no tokens. */
    public static HttpSettings defaults() {
        return new HttpSettings("127.0.0.1", null, OpsWebConfig.DEFAULT_MAX_BODY, List.of());
    }

    public HttpSettings withDefaults() {
        var d = defaults();
        return new HttpSettings(or(bindHost, d.bindHost()), port, or(maxBodyBytes, d.maxBodyBytes()),
                or(tokens, d.tokens()));
    }

    /** The operations server's settings, or null when {@code http.port} is not set; each problem added to {@code errors}. */
    OpsWebConfig resolve(List<String> errors) {
        if (port == null) {
            return null;
        }
        var principals = new HashMap<String, Principal>();
        for (int i = 0; i < tokens.size(); i++) {
            var t = tokens.get(i);
            try {
                var principal = t.role() == Principal.Role.AGENT ? Principal.agent(new AgentId(t.agent()))
                        : new Principal(t.role(), null);
                if (t.token() == null || principals.put(t.token(), principal) != null) {
                    errors.add("http.tokens[" + i + "].token is missing or used twice");
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add("http.tokens[" + i + "]: " + e.getMessage());
            }
        }
        try {
            return new OpsWebConfig(bindHost, port, maxBodyBytes, principals);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }
}
