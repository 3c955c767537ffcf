package io.duecall.web.http;

import io.duecall.web.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the operations server listens, the bearer tokens it accepts, and the limits it holds every connection to.
 * Tokens are secrets: they are compared, never logged or printed by the server.
 */
public record OpsWebConfig(String bindHost, int port, Map<String, Principal> tokens, Limits limits) {
    public static final int DEFAULT_MAX_BODY = Limits.defaults().maxBodyBytes();

    /**
     * What one peer may cost the server. Each is a key under {@code http} in the configuration file, with the default
     * of {@link #defaults()}.
     *
     * @param maxRequestLineBytes longest request line (method, URL, version); longer is 414
     * @param maxHeaderBytes largest header block; larger is 431
     * @param maxBodyBytes largest request body, refused (413) from its Content-Length before any of it is read
     * @param idleTimeout a connection on which nothing arrives and no response moves for this long is closed (408 if
     *     it was mid-request)
     * @param requestTimeout a request must arrive whole (line, headers and body) within this (408 otherwise)
     * @param maxConnections connections open at once to the server; more are answered 503 and closed
     * @param maxConnectionsPerAddress connections open at once from one client address; more are answered 503
     * @param maxPendingEventBytes an event-stream connection holding more unsent bytes than this is skipped
     * @param maxSkippedEvents an event-stream client that missed this many events in a row is disconnected
     * @param historyInterval engine time between two samples of the dashboard's history
     * @param historySamples history samples kept per campaign
     */
    public record Limits(int maxRequestLineBytes, int maxHeaderBytes, int maxBodyBytes, Duration idleTimeout,
            Duration requestTimeout, int maxConnections, int maxConnectionsPerAddress, int maxPendingEventBytes,
            int maxSkippedEvents, Duration historyInterval, int historySamples) {

        public static Limits defaults() {
            return new Limits(8 * 1024, 16 * 1024, 4 * 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(60),
                    256, 32, 1024 * 1024, 30, Duration.ofMinutes(1), 1440);
        }

        public Limits {
            var problems = new ArrayList<String>();
            atLeast(problems, "http.maxRequestLineBytes", maxRequestLineBytes, 256);
            atLeast(problems, "http.maxHeaderBytes", maxHeaderBytes, 1024);
            atLeast(problems, "http.maxBodyBytes", maxBodyBytes, 1024);
            positive(problems, "http.idleTimeout", idleTimeout);
            positive(problems, "http.requestTimeout", requestTimeout);
            atLeast(problems, "http.maxConnections", maxConnections, 1);
            atLeast(problems, "http.maxConnectionsPerAddress", maxConnectionsPerAddress, 1);
            atLeast(problems, "http.maxPendingEventBytes", maxPendingEventBytes, 8 * 1024);
            atLeast(problems, "http.maxSkippedEvents", maxSkippedEvents, 1);
            positive(problems, "http.historyInterval", historyInterval);
            atLeast(problems, "http.historySamples", historySamples, 1);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        }

        public Limits withMaxBodyBytes(int bytes) {
            return new Limits(maxRequestLineBytes, maxHeaderBytes, bytes, idleTimeout, requestTimeout, maxConnections,
                    maxConnectionsPerAddress, maxPendingEventBytes, maxSkippedEvents, historyInterval, historySamples);
        }

        private static void atLeast(List<String> problems, String key, int value, int least) {
            if (value < least) {
                problems.add(key + ": " + value + " (expected >= " + least + ")");
            }
        }

        private static void positive(List<String> problems, String key, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                problems.add(key + ": " + value + " (expected a duration > 0 such as PT30S)");
            }
        }
    }

    public OpsWebConfig {
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("http.bindHost: '" + bindHost + "' (expected a host name or address)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("http.port: " + port + " (expected 0-65535)");
        }
        if (limits == null) {
            throw new IllegalArgumentException("http limits: null (expected Limits.defaults() or values)");
        }
        tokens = Map.copyOf(tokens);
        for (var token : tokens.keySet()) {
            if (token.length() < 16) {
                throw new IllegalArgumentException("http.tokens: a token of " + token.length()
                        + " characters (expected at least 16)");
            }
        }
    }

    /** The default limits but for the body size. */
    public OpsWebConfig(String bindHost, int port, int maxBodyBytes, Map<String, Principal> tokens) {
        this(bindHost, port, tokens, Limits.defaults().withMaxBodyBytes(maxBodyBytes));
    }
}
