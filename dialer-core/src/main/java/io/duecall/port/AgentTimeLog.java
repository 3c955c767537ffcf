package io.duecall.port;

import io.duecall.domain.agent.AgentActivity;
import io.duecall.domain.agent.AgentId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * Each agent's time per day and activity (a state, or a pause by its reason), added up as the agents change state,
 * for the agents' daily report. A day keeps at most {@link #MAX_PAUSE_REASONS} pause reasons; the time of further
 * ones is added under {@link AgentActivity#OTHER_REASONS}. Days are kept for {@link #RETENTION}, then forgotten.
 * Failures to reach the storage throw {@link StoreUnavailableException}.
 */
public interface AgentTimeLog {
    int MAX_PAUSE_REASONS = 20;
    Duration RETENTION = Duration.ofDays(93);

    /** A log that keeps nothing: for a pool whose time nobody reports. */
    AgentTimeLog NONE = new AgentTimeLog() {
        @Override
        public void add(AgentId agent, LocalDate day, Map<AgentActivity, Duration> time) {}

        @Override
        public Map<AgentActivity, Duration> day(AgentId agent, LocalDate day) {
            return Map.of();
        }
    };

    /** Adds {@code time} to the agent's day, all of it in one step. */
    void add(AgentId agent, LocalDate day, Map<AgentActivity, Duration> time);

    /** The agent's time on {@code day} by activity; empty for a day with none (or forgotten). */
    Map<AgentActivity, Duration> day(AgentId agent, LocalDate day);
}
