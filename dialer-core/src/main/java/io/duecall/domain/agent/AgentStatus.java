package io.duecall.domain.agent;

import java.time.Instant;

/**
 * One agent's state at a moment: since when, why they are paused if they are, and the call they are held for while
 * reserved for it or talking on it ({@code hold}, null otherwise).
 */
public record AgentStatus(AgentSeat seat, AgentState state, String pauseReason, Instant since, AgentHold hold) {}
