package io.duecall.web;

import java.time.Duration;
import java.util.Map;

/** Connectivity of what the engine cannot work without: the PBX over AMI, and Redis. */
public interface HealthProbe {
    boolean amiConnected();

    /** Round-trip time of a Redis PING; throws if Redis does not answer. */
    Duration redisPing() throws Exception;

    /**
     * The quick deployment checks of {@code ./duecall doctor} that do not stop the engine (Redis persistence and
     * eviction, the clock against Redis's), each {@code ok} or what is wrong; none of them makes the engine unready.
     */
    default Map<String, String> deploymentChecks() {
        return Map.of();
    }
}
