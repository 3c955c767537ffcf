package io.duecall.domain.agent;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where an agent is in their working cycle, with the transitions a contact centre allows. */
public enum AgentState {
    LOGGED_OUT,
    READY,
    RESERVED,
    ON_CALL,
    WRAP_UP,
    PAUSED;

    private static final Map<AgentState, Set<AgentState>> LEGAL = Map.of(
            LOGGED_OUT, EnumSet.of(READY, PAUSED),
            READY, EnumSet.of(RESERVED, PAUSED, LOGGED_OUT),
            RESERVED, EnumSet.of(ON_CALL, READY),
            ON_CALL, EnumSet.of(WRAP_UP),
            WRAP_UP, EnumSet.of(READY, PAUSED, LOGGED_OUT),
            PAUSED, EnumSet.of(READY, LOGGED_OUT));

    public boolean canMoveTo(AgentState next) {
        return LEGAL.get(this).contains(next);
    }
}
