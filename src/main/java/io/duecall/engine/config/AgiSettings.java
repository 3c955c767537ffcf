package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.ivr.adapter.agi.AgiLimits;
import io.duecall.ivr.adapter.agi.IvrServerConfig;
import io.duecall.ivr.adapter.agi.PeerAllowList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code agi:}: where the IVR's FastAGI server listens (the PBX's dialplan must point at it), the PBX addresses it
 * takes connections from, how long a session may wait for its peer before it is closed as a lost IVR session, and
 * what one peer may cost (sessions at once, line and environment sizes, the environment's deadline). A deployment
 * file gives the address instead of {@code bindHost} and {@code port}; the rest is engine tuning and read from here
 * either way.
 */
public record AgiSettings(String bindHost, Integer port, Duration readTimeout, List<String> allowFrom,
        Integer maxSessions, Integer maxLineBytes, Integer maxHeaderLines, Integer maxHeaderBytes,
        Duration headerTimeout) {
    public AgiSettings(String bindHost, Integer port, Duration readTimeout) {
        this(bindHost, port, readTimeout, null, null, null, null, null, null);
    }

    public AgiSettings(String bindHost, Integer port) {
        this(bindHost, port, null);
    }

    /**
     * Loopback on the standard FastAGI port, reachable only by an Asterisk on the same host, which may connect; the
     * limits of {@link AgiLimits#defaults()}.
     */
    public static AgiSettings defaults() {
        var limits = AgiLimits.defaults();
        return new AgiSettings("127.0.0.1", IvrServerConfig.FASTAGI_PORT, IvrServerConfig.DEFAULT_READ_TIMEOUT,
                List.of(), limits.maxSessions(), limits.maxLineBytes(), limits.maxHeaderLines(),
                limits.maxHeaderBytes(), limits.headerTimeout());
    }

    public AgiSettings withDefaults() {
        var d = defaults();
        return new AgiSettings(or(bindHost, d.bindHost()), or(port, d.port()), or(readTimeout, d.readTimeout()),
                or(allowFrom, d.allowFrom()), or(maxSessions, d.maxSessions()), or(maxLineBytes, d.maxLineBytes()),
                or(maxHeaderLines, d.maxHeaderLines()), or(maxHeaderBytes, d.maxHeaderBytes()),
                or(headerTimeout, d.headerTimeout()));
    }

    /** This section listening where a deployment file says. */
    AgiSettings at(String deploymentBindHost, int deploymentPort) {
        return new AgiSettings(deploymentBindHost, deploymentPort, readTimeout, allowFrom, maxSessions, maxLineBytes,
                maxHeaderLines, maxHeaderBytes, headerTimeout);
    }

    void validate(List<String> errors) {
        if (port < 0 || port > 65535) {
            errors.add("agi.port was '" + port + "' but it must be between 0 and 65535");
        }
        if (readTimeout.compareTo(Duration.ofMillis(1)) < 0
                || readTimeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            errors.add("agi.readTimeout was '" + readTimeout + "' but it must be between PT0.001S and "
                    + Duration.ofMillis(Integer.MAX_VALUE));
        }
        try {
            limits();
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        PeerAllowList.parse("agi.allowFrom", allowFrom, errors);
        // A FastAGI session asks the engine about the call whose id it names, and answers what the debtor keys in.
        if (!Hosts.isLoopback(bindHost) && allowFrom.isEmpty()) {
            errors.add("agi.bindHost was '" + bindHost + "' but agi.allowFrom is not set: a FastAGI server other hosts"
                    + " can reach must name the PBX addresses it takes calls from (such as allowFrom: [10.0.0.5])");
        }
    }

    /** The PBXs that may connect; every peer while {@code allowFrom} is empty. */
    public PeerAllowList allowList() {
        return PeerAllowList.parse("agi.allowFrom", allowFrom, new ArrayList<>());
    }

    public AgiLimits limits() {
        return new AgiLimits(maxSessions, maxLineBytes, maxHeaderLines, maxHeaderBytes, headerTimeout);
    }
}
