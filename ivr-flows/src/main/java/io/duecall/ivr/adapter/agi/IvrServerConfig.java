package io.duecall.ivr.adapter.agi;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Where the FastAGI server listens; the dialplan's {@code AGI(agi://host:port/reminder,...)} must point here.
 *
 * @param port 0 picks a free port, which {@link IvrServer#port()} then reports
 */
public record IvrServerConfig(InetAddress bindAddress, int port) {
    public static final int FASTAGI_PORT = 4573;

    public IvrServerConfig {
        Objects.requireNonNull(bindAddress, "ivr.bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("ivr.port: " + port + " (expected 0 to 65535)");
        }
    }

    /** Loopback on the standard FastAGI port: reachable only by an Asterisk on the same host until configured. */
    public static IvrServerConfig defaults() {
        return new IvrServerConfig(InetAddress.getLoopbackAddress(), FASTAGI_PORT);
    }
}
