package io.duecall.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

    /** The workload of these agents' records, settled at {@code now}. */
    public static AgentWorkload of(Collection<AgentRecord> records, Instant now) {
        int loggedIn = 0;
        int ready = 0;
        int reserved = 0;
        var talk = new ArrayList<Double>();
        var wrap = new ArrayList<Double>();
        for (var r : records) {
            switch (r.state()) {
                case READY -> ready++;
                case RESERVED -> reserved++;
                case ON_CALL -> talk.add(seconds(r.elapsed(now)));
                case WRAP_UP -> wrap.add(seconds(r.elapsed(now)));
                case LOGGED_OUT, PAUSED -> {
                    continue;
                }
            }
            loggedIn++;
        }
        return new AgentWorkload(loggedIn, ready, reserved, talk.stream().mapToDouble(Double::doubleValue).toArray(),
                wrap.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
