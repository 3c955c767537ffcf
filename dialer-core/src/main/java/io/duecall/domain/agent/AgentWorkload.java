package io.duecall.domain.agent;

import java.util.Objects;

/**
 * What the agents of one campaign are doing at an instant, as a pacer needs it: how many are at work (logged in and
 * not paused), ready, or reserved for a call being connected, and how long each busy agent has been talking or
 * wrapping up. Times are seconds; the arrays belong to the workload and must not be changed.
 */
public record AgentWorkload(int loggedIn, int ready, int reserved, double[] talkElapsed, double[] wrapElapsed) {
    public AgentWorkload {
        Objects.requireNonNull(talkElapsed, "talkElapsed");
        Objects.requireNonNull(wrapElapsed, "wrapElapsed");
        if (ready < 0 || reserved < 0 || ready + reserved + talkElapsed.length + wrapElapsed.length != loggedIn) {
            throw new IllegalArgumentException("agent workload: ready " + ready + " + reserved " + reserved
                    + " + talking " + talkElapsed.length + " + wrapping " + wrapElapsed.length
                    + " (expected to add up to loggedIn " + loggedIn + ")");
        }
    }
}
