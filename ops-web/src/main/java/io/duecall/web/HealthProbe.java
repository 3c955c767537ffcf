package io.duecall.web;

import java.time.Duration;

/** Connectivity of what the engine cannot work without: the PBX over AMI, and Redis. */
public interface HealthProbe {
    boolean amiConnected();

    /** Round-trip time of a Redis PING; throws if Redis does not answer. */
    Duration redisPing() throws Exception;
}
