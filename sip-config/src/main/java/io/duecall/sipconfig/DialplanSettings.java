package io.duecall.sipconfig;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the engine expects of the PBX's dialplan: the context it originates into, the context it redirects
 * answered calls to for an agent, the context that plays the abandon message, how agents are dialed, where the IVR's
 * FastAGI server listens and whether answering-machine detection runs before it.
 *
 * @param agentDial the dial string for an agent's extension, with {@code {ext}} where the extension goes
 */
public record DialplanSettings(String outboundContext, String agentContext, String abandonContext, String agentDial,
        URI agiUrl, boolean amd) {
    private static final Pattern CONTEXT = Pattern.compile("[a-zA-Z0-9_-]{1,79}");

    public DialplanSettings {
        requireContext("outboundContext", outboundContext);
        requireContext("agentContext", agentContext);
        requireContext("abandonContext", abandonContext);
        if (outboundContext.equals(agentContext)) {
            throw new IllegalArgumentException("agentContext: '" + agentContext + "' (expected a context other than outboundContext)");
        }
        if (abandonContext.equals(outboundContext) || abandonContext.equals(agentContext)) {
            throw new IllegalArgumentException("abandonContext: '" + abandonContext
                    + "' (expected a context other than outboundContext and agentContext)");
        }
        if (agentDial == null || !agentDial.matches("[A-Za-z]+/[A-Za-z0-9@._{}-]*\\{ext\\}[A-Za-z0-9@._{}-]*")) {
            throw new IllegalArgumentException("agentDial: '" + agentDial + "' (expected a dial string such as PJSIP/{ext})");
        }
        Objects.requireNonNull(agiUrl, "agiUrl");
        if (!"agi".equals(agiUrl.getScheme()) || agiUrl.getHost() == null || agiUrl.getPath() == null
                || agiUrl.getPath().length() < 2) {
            throw new IllegalArgumentException("agiUrl: '" + agiUrl + "' (expected agi://host:port/script)");
        }
    }

    public static DialplanSettings defaults() {
        return new DialplanSettings("dialer-out", "dialer-agents", "dialer-abandon", "PJSIP/{ext}",
                URI.create("agi://127.0.0.1:4573/reminder"), true);
    }

    private static void requireContext(String key, String value) {
        if (value == null || !CONTEXT.matcher(value).matches()) {
            throw new IllegalArgumentException(key + ": '" + value + "' (expected 1-79 letters, digits, _ or -)");
        }
    }
}
