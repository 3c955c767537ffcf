package io.duecall.app.report;

import io.duecall.domain.agent.AgentId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * One agent's day: the calls bridged to them, their time by state (ready, reserved for a call on its way, talking,
 * wrapping up) and paused by reason, the promises made on their calls, occupancy (talk and wrap-up over the time
 * available for calls: ready, reserved, talk and wrap-up) and calls per hour signed in (every state but logged out).
 */
public record AgentDay(AgentId agent, LocalDate day, long calls, Duration ready, Duration reserved, Duration talk,
        Duration wrapUp, Map<String, Duration> paused, long promises, double occupancy, double callsPerHour) {

    public AgentDay {
        paused = Map.copyOf(paused);
    }

    public Duration pausedTotal() {
        return paused.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Time signed in: every state but logged out. */
    public Duration signedIn() {
        return ready.plus(reserved).plus(talk).plus(wrapUp).plus(pausedTotal());
    }
}
