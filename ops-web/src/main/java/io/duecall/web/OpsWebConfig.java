package io.duecall.web;

import java.util.Map;

/**
 * Where the operations server listens, how large a request body may be, and the bearer tokens it accepts. Tokens
 * are secrets: they are compared, never logged or printed by the server.
 */
public record OpsWebConfig(String bindHost, int port, int maxBodyBytes, Map<String, Principal> tokens) {
    public static final int DEFAULT_MAX_BODY = 4 * 1024 * 1024;

    public OpsWebConfig {
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("http.bindHost: '" + bindHost + "' (expected a host name or address)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("http.port: " + port + " (expected 0-65535)");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("http.maxBodyBytes: " + maxBodyBytes + " (expected >= 1024)");
        }
        tokens = Map.copyOf(tokens);
        for (var token : tokens.keySet()) {
            if (token.length() < 16) {
                throw new IllegalArgumentException("http.tokens: a token of " + token.length()
                        + " characters (expected at least 16)");
            }
        }
    }
}
