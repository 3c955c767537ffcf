package io.duecall.port;

import java.time.Duration;

/** Waiting, as a port: real sleeping in production, scaled in a demo, and a clock advance in virtual time. */
public interface Pause {
    void sleep(Duration duration) throws InterruptedException;
}
