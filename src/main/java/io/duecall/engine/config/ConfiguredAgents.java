package io.duecall.engine.config;

import io.duecall.domain.agent.AgentSeat;
import java.time.Duration;
import java.util.List;

/** The validated {@code agents:} section: the wrap-up time and the seats. */
public record ConfiguredAgents(Duration wrapUp, List<AgentSeat> seats) {
    public ConfiguredAgents {
        seats = List.copyOf(seats);
    }
}
