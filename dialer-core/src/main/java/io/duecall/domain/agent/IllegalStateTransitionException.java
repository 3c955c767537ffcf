package io.duecall.domain.agent;

/** Thrown when an agent is asked to move between two states that have no legal transition. */
public final class IllegalStateTransitionException extends IllegalStateException {
    public IllegalStateTransitionException(AgentId agent, AgentState from, AgentState to) {
        super("agent " + agent + ": no transition from " + from + " to " + to);
    }
}
