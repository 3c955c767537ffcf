package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.domain.agent.AgentId;
import io.duecall.web.Principal;
import io.duecall.web.http.OpsWebConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;

/**
 * {@code http:}: the operations server; no {@code port} means no server. Each token is operations or one agent's.
 * The other keys are the limits every connection is held to (see {@link OpsWebConfig.Limits} for what each does).
 */
public record HttpSettings(String bindHost, Integer port, Integer maxBodyBytes, List<TokenSettings> tokens,
        Integer maxRequestLineBytes, Integer maxHeaderBytes, Duration idleTimeout, Duration requestTimeout,
        Integer maxConnections, Integer maxConnectionsPerAddress, Integer maxPendingEventBytes,
        Integer maxSkippedEvents, Duration historyInterval, Integer historySamples) {

    /** No server; when a port is given, loopback only, no tokens, and the limits of {@link OpsWebConfig.Limits}. */
    public static HttpSettings defaults() {
        var limits = OpsWebConfig.Limits.defaults();
        return new HttpSettings("127.0.0.1", null, limits.maxBodyBytes(), List.of(), limits.maxRequestLineBytes(),
                limits.maxHeaderBytes(), limits.idleTimeout(), limits.requestTimeout(), limits.maxConnections(),
                limits.maxConnectionsPerAddress(), limits.maxPendingEventBytes(), limits.maxSkippedEvents(),
                limits.historyInterval(), limits.historySamples());
    }

    public HttpSettings withDefaults() {
        var d = defaults();
        return new HttpSettings(or(bindHost, d.bindHost()), port, or(maxBodyBytes, d.maxBodyBytes()),
                or(tokens, d.tokens()), or(maxRequestLineBytes, d.maxRequestLineBytes()),
                or(maxHeaderBytes, d.maxHeaderBytes()), or(idleTimeout, d.idleTimeout()),
                or(requestTimeout, d.requestTimeout()), or(maxConnections, d.maxConnections()),
                or(maxConnectionsPerAddress, d.maxConnectionsPerAddress()),
                or(maxPendingEventBytes, d.maxPendingEventBytes()), or(maxSkippedEvents, d.maxSkippedEvents()),
                or(historyInterval, d.historyInterval()), or(historySamples, d.historySamples()));
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
            return new OpsWebConfig(bindHost, port, principals, limits());
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    private OpsWebConfig.Limits limits() {
        return new OpsWebConfig.Limits(maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, idleTimeout, requestTimeout,
                maxConnections, maxConnectionsPerAddress, maxPendingEventBytes, maxSkippedEvents, historyInterval,
                historySamples);
    }
}
