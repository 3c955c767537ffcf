package io.duecall.domain.agent;

import java.time.Instant;

/** One agent's state at a moment: since when, and why they are paused if they are. */
public record AgentStatus(AgentSeat seat, AgentState state, String pauseReason, Instant since) {}
