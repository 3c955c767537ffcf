package io.duecall.ivr.adapter.agi;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the FastAGI server listens; the dialplan's {@code AGI(agi://host:port/reminder,...)} must point here.
 *
 * @param port 0 picks a free port, which {@link IvrServer#port()} then reports
 * @param readTimeout how long a session may wait for its peer to send anything (the request, or the reply to a
 *     command) before it is closed and its call handled as a lost IVR session; longer than the longest command the
 *     flow sends (a prompt played to its end, the input timeout, a WaitForSilence)
 * @param allowFrom the PBXs that may connect; a connection from any other address is closed at once
 * @param limits what one peer may cost: sessions at once, line and environment sizes, the environment's deadline
 */
public record IvrServerConfig(InetAddress bindAddress, int port, Duration readTimeout, PeerAllowList allowFrom,
        AgiLimits limits) {
    public static final int FASTAGI_PORT = 4573;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    public IvrServerConfig {
        Objects.requireNonNull(bindAddress, "ivr.bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("ivr.port: " + port + " (expected 0 to 65535)");
        }
        if (readTimeout == null || readTimeout.toMillis() < 1 || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ivr.readTimeout: " + readTimeout + " (expected PT0.001S to 24 days)");
        }
        Objects.requireNonNull(allowFrom, "ivr.allowFrom");
        Objects.requireNonNull(limits, "ivr.limits");
    }

    /** Any peer may connect, within the default limits: for a server on loopback. */
    public IvrServerConfig(InetAddress bindAddress, int port, Duration readTimeout) {
        this(bindAddress, port, readTimeout, PeerAllowList.ANY, AgiLimits.defaults());
    }

    public IvrServerConfig(InetAddress bindAddress, int port) {
        this(bindAddress, port, DEFAULT_READ_TIMEOUT);
    }

    /** Loopback on the standard FastAGI port: reachable only by an Asterisk on the same host until configured. */
    public static IvrServerConfig defaults() {
        return new IvrServerConfig(InetAddress.getLoopbackAddress(), FASTAGI_PORT);
    }
}
