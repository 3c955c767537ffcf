package io.duecall.web;

import io.duecall.domain.agent.AgentId;
import java.util.Objects;

/** Who a token belongs to: operations staff (everything on campaigns and reports), or one agent (their own desk). */
public record Principal(Role role, AgentId agent) {
    public enum Role { OPERATIONS, AGENT }

    public Principal {
        Objects.requireNonNull(role, "role");
        if ((role == Role.AGENT) != (agent != null)) {
            throw new IllegalArgumentException("agent: " + agent + " (expected an agent exactly for the AGENT role)");
        }
    }

    public static Principal operations() {
        return new Principal(Role.OPERATIONS, null);
    }

    public static Principal agent(AgentId agent) {
        return new Principal(Role.AGENT, agent);
    }

    /** Operations staff may act for any agent; an agent only for themselves. */
    public boolean mayActFor(AgentId other) {
        return role == Role.OPERATIONS || agent.equals(other);
    }
}
