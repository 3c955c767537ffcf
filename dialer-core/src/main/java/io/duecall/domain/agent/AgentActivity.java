package io.duecall.domain.agent;

import java.util.Objects;

/**
 * What an agent's time went to: a state, and for a pause its reason (the words the pause was given, 1-40 characters,
 * or {@link #OTHER_REASONS} where a day's record holds no more reasons). Logged-out time is no activity.
 */
public record AgentActivity(AgentState state, String pauseReason) {
    /** The reason the time of pause reasons past a day's limit is added up under. */
    public static final String OTHER_REASONS = "other";

    public AgentActivity {
        Objects.requireNonNull(state, "activity.state");
        if (state == AgentState.LOGGED_OUT) {
            throw new IllegalArgumentException("activity.state: LOGGED_OUT (expected a logged-in state)");
        }
        if ((state == AgentState.PAUSED) != (pauseReason != null)) {
            throw new IllegalArgumentException("activity.pauseReason: '" + pauseReason + "' in state " + state
                    + " (expected a reason exactly in PAUSED)");
        }
    }

    public static AgentActivity in(AgentState state) {
        return new AgentActivity(state, null);
    }

    public static AgentActivity paused(String reason) {
        return new AgentActivity(AgentState.PAUSED, reason);
    }
}
