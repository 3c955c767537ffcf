package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.domain.agent.AgentId;
import io.duecall.web.Principal;
import io.duecall.web.http.OpsWebConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code http:}: the operations server; no {@code port} means no server. Each token is a secret reference
 * ({@code env:DUECALL_OPS_TOKEN}) to a bearer token of operations staff or of one configured agent. Without tokens
 * the server may listen on loopback only: it serves the API and {@code /metrics} to whoever reaches it. The other
 * keys are the limits every connection is held to (see {@link OpsWebConfig.Limits} for what each does).
 */
public record HttpSettings(String bindHost, Integer port, Integer maxBodyBytes, List<TokenSettings> tokens,
        Integer maxRequestLineBytes, Integer maxHeaderBytes, Duration idleTimeout, Duration requestTimeout,
        Integer maxConnections, Integer maxConnectionsPerAddress, Integer maxPendingEventBytes,
        Integer maxSkippedEvents, Duration historyInterval, Integer historySamples) {
    /** A bearer token's least length, so that it cannot be guessed. */
    public static final int MIN_TOKEN_LENGTH = 16;

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

    /**
     * The operations server's settings, or null when {@code http.port} is not set; each problem is added to
     * {@code errors} under its key. An agent's token must name one of {@code seats}.
     */
    OpsWebConfig resolve(SecretResolver secrets, Set<AgentId> seats, List<String> errors) {
        if (port == null) {
            return null;
        }
        int before = errors.size();
        if (tokens.isEmpty() && !Hosts.isLoopback(bindHost)) {
            errors.add("http.bindHost was '" + bindHost + "' but http.tokens is empty: without tokens the operations"
                    + " server serves the API and /metrics to anyone who reaches it (expected 127.0.0.1, or tokens)");
        }
        var principals = new HashMap<String, Principal>();
        var firstUse = new HashMap<String, Integer>();
        for (int i = 0; i < tokens.size(); i++) {
            var key = "http.tokens[" + i + "]";
            var t = tokens.get(i);
            var principal = t == null ? null : principal(key, t, seats, errors);
            var token = t == null || t.token() == null ? null
                    : secrets.resolve(key + ".token", t.token(), "DUECALL_OPS_TOKEN", "/run/secrets/ops-token");
            if (t == null || t.token() == null) {
                secrets.missing(key + ".token", "DUECALL_OPS_TOKEN", "/run/secrets/ops-token");
            } else if (token != null && checkToken(key + ".token", t.token(), token, errors)) {
                var earlier = firstUse.putIfAbsent(token, i);
                if (earlier != null) {
                    errors.add(key + ".token is the same token as http.tokens[" + earlier + "].token (expected"
                            + " one token per person)");
                } else if (principal != null) {
                    principals.put(token, principal);
                }
            }
        }
        try {
            var config = new OpsWebConfig(bindHost, port, principals, limits());
            return errors.size() > before ? null : config;
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

    private static Principal principal(String key, TokenSettings t, Set<AgentId> seats, List<String> errors) {
        if (t.role() == null) {
            errors.add(key + ".role is missing (expected OPERATIONS or AGENT)");
            return null;
        }
        if (t.role() == Principal.Role.OPERATIONS) {
            if (t.agent() != null) {
                errors.add(key + ".agent was '" + t.agent() + "' but an OPERATIONS token names no agent");
                return null;
            }
            return Principal.operations();
        }
        try {
            var agent = new AgentId(t.agent());
            if (!seats.contains(agent)) {
                errors.add(key + ".agent was '" + t.agent() + "' but it is not one of the agents.seats "
                        + new TreeSet<>(seats.stream().map(AgentId::value).toList()));
                return null;
            }
            return Principal.agent(agent);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(key + ".agent: " + e.getMessage() + " (expected the id of one of the agents.seats)");
            return null;
        }
    }

    /** A token is at least 16 printable ASCII characters with no space; the message names the reference, never the token. */
    private static boolean checkToken(String key, String reference, String token, List<String> errors) {
        var expected = " (expected at least " + MIN_TOKEN_LENGTH + " printable characters and no space)";
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            errors.add(key + ": the token in " + reference + " holds a space, a control or a non-ASCII character"
                    + expected);
            return false;
        }
        if (token.length() < MIN_TOKEN_LENGTH) {
            errors.add(key + ": the token in " + reference + " has " + token.length() + " characters" + expected);
            return false;
        }
        return true;
    }
}
