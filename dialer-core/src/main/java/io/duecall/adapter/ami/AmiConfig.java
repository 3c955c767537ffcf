package io.duecall.adapter.ami;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach and drive the PBX's manager interface. {@code dialTemplate} turns a number into a channel, with
 * {@code {number}} replaced by the E.164 number, e.g. {@code Local/{number}@debtors} or {@code PJSIP/{number}@trunk}.
 * {@code abandonContext} is where a call whose agent's phone never answered is sent to hear the abandon message. The
 * secret is never printed.
 */
public record AmiConfig(
        String host,
        int port,
        String username,
        String secret,
        String dialTemplate,
        String outboundContext,
        String agentContext,
        Duration actionTimeout,
        Duration pingInterval,
        int eventQueueCapacity,
        String abandonContext,
        int maxOutstandingOriginates) {

    public static final String NUMBER_PLACEHOLDER = "{number}";
    /** Originates that may await their response at once by default; 0 sends each only after the last one's response. */
    public static final int DEFAULT_MAX_OUTSTANDING_ORIGINATES = 200;
    /** The abandon-message context's name when none is configured, as a deployment renders it. */
    public static final String DEFAULT_ABANDON_CONTEXT = "dialer-abandon";

    /** As the canonical constructor, with the default abandon context. */
    public AmiConfig(String host, int port, String username, String secret, String dialTemplate,
            String outboundContext, String agentContext, Duration actionTimeout, Duration pingInterval,
            int eventQueueCapacity) {
        this(host, port, username, secret, dialTemplate, outboundContext, agentContext, actionTimeout, pingInterval,
                eventQueueCapacity, DEFAULT_ABANDON_CONTEXT);
    }

    /** As the canonical constructor, with the default cap on outstanding originates. */
    public AmiConfig(String host, int port, String username, String secret, String dialTemplate,
            String outboundContext, String agentContext, Duration actionTimeout, Duration pingInterval,
            int eventQueueCapacity, String abandonContext) {
        this(host, port, username, secret, dialTemplate, outboundContext, agentContext, actionTimeout, pingInterval,
                eventQueueCapacity, abandonContext, DEFAULT_MAX_OUTSTANDING_ORIGINATES);
    }

    public AmiConfig {
        var errors = new ArrayList<String>();
        requireText(errors, "ami.host", host);
        if (port < 1 || port > 65535) {
            errors.add("ami.port was '" + port + "' but it must be between 1 and 65535");
        }
        requireText(errors, "ami.username", username);
        if (secret == null || secret.isEmpty()) {
            errors.add("ami.secret is missing");
        } else if (secret.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            errors.add("ami.secret must be a single line");
        }
        requireText(errors, "ami.dialTemplate", dialTemplate);
        if (dialTemplate != null && !dialTemplate.contains(NUMBER_PLACEHOLDER)) {
            errors.add("ami.dialTemplate was '" + dialTemplate + "' but it must contain " + NUMBER_PLACEHOLDER);
        }
        requireText(errors, "ami.outboundContext", outboundContext);
        requireText(errors, "ami.agentContext", agentContext);
        requireText(errors, "ami.abandonContext", abandonContext);
        requirePositive(errors, "ami.actionTimeout", actionTimeout);
        requirePositive(errors, "ami.pingInterval", pingInterval);
        if (maxOutstandingOriginates < 0) {
            errors.add("ami.maxOutstandingOriginates was '" + maxOutstandingOriginates
                    + "' but it must be >= 0 (0: each originate waits for the last one's response)");
        }
        if (eventQueueCapacity < 1) {
            errors.add("ami.eventQueueCapacity was '" + eventQueueCapacity + "' but it must be > 0");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    /** The embedded simulator's defaults: loopback, Local channels into the debtors context. */
    public static AmiConfig defaults() {
        return new AmiConfig("127.0.0.1", 5038, "dialer", "secret", "Local/{number}@debtors",
                "dialer-out", "dialer-agents", Duration.ofSeconds(5), Duration.ofSeconds(10), 10_000);
    }

    public AmiConfig withEndpoint(String newHost, int newPort) {
        return new AmiConfig(newHost, newPort, username, secret, dialTemplate, outboundContext, agentContext,
                actionTimeout, pingInterval, eventQueueCapacity, abandonContext, maxOutstandingOriginates);
    }

    public AmiConfig withAbandonContext(String context) {
        return new AmiConfig(host, port, username, secret, dialTemplate, outboundContext, agentContext, actionTimeout,
                pingInterval, eventQueueCapacity, context, maxOutstandingOriginates);
    }

    /** With at most {@code max} originates awaiting their response at once (0: one at a time, each awaited). */
    public AmiConfig withMaxOutstandingOriginates(int max) {
        return new AmiConfig(host, port, username, secret, dialTemplate, outboundContext, agentContext, actionTimeout,
                pingInterval, eventQueueCapacity, abandonContext, max);
    }

    public AmiConfig withCredentials(String newUsername, String newSecret) {
        return new AmiConfig(host, port, newUsername, newSecret, dialTemplate, outboundContext, agentContext,
                actionTimeout, pingInterval, eventQueueCapacity, abandonContext, maxOutstandingOriginates);
    }

    public AmiConfig withTimings(Duration newActionTimeout, Duration newPingInterval) {
        return new AmiConfig(host, port, username, secret, dialTemplate, outboundContext, agentContext,
                newActionTimeout, newPingInterval, eventQueueCapacity, abandonContext, maxOutstandingOriginates);
    }

    /** The channel to dial for a number, from {@link #dialTemplate}. */
    public String channelFor(String e164) {
        return channelFor(dialTemplate, e164);
    }

    /** The channel to dial for a number with {@code template}, which holds {@link #NUMBER_PLACEHOLDER}. */
    public static String channelFor(String template, String e164) {
        return template.replace(NUMBER_PLACEHOLDER, e164);
    }

    /** Whether {@code template} can be a dial template: one line holding {@link #NUMBER_PLACEHOLDER}. */
    public static boolean validDialTemplate(String template) {
        return template != null && template.contains(NUMBER_PLACEHOLDER)
                && template.chars().noneMatch(c -> c == '\r' || c == '\n');
    }

    @Override
    public String toString() {
        return "AmiConfig[host=" + host + ", port=" + port + ", username=" + username + ", secret=****"
                + ", dialTemplate=" + dialTemplate + ", outboundContext=" + outboundContext
                + ", agentContext=" + agentContext + ", abandonContext=" + abandonContext + ", actionTimeout=" + actionTimeout
                + ", pingInterval=" + pingInterval + ", eventQueueCapacity=" + eventQueueCapacity
                + ", maxOutstandingOriginates=" + maxOutstandingOriginates + "]";
    }

    private static void requireText(List<String> errors, String key, String value) {
        if (value == null || value.isBlank()) {
            errors.add(key + " is missing");
        } else if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            // A line break would let the value inject extra AMI headers.
            errors.add(key + " was '" + value.strip() + "' but it must be a single line");
        }
    }

    private static void requirePositive(List<String> errors, String key, Duration value) {
        if (value == null) {
            errors.add(key + " is missing");
        } else if (value.isNegative() || value.isZero()) {
            errors.add(key + " was '" + value + "' but it must be > 0");
        }
    }
}
