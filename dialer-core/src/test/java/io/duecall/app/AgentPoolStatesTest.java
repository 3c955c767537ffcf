package io.duecall.app;

import static io.duecall.app.AgentSteps.CALL;
import static io.duecall.app.AgentSteps.reserve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.agent.IllegalStateTransitionException;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentPoolStatesTest {
    private static final CampaignId DESK = new CampaignId("desk");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private final AgentId a = new AgentId("101");
    private final AgentId b = new AgentId("102");
    private final AgentPool pool = new AgentPool(
            List.of(new AgentSeat(a, Set.of(DESK)), new AgentSeat(b, Set.of(DESK))), Duration.ofSeconds(20), new InMemoryAgentRoster(), "");

    @Test
    void pausedAgentKeepsItsReasonAndTakesNoCalls() {
        pool.ready(a, T0);

        pool.pause(a, "lunch", T0.plusSeconds(5));

        var status = pool.figures().states(T0.plusSeconds(6)).get(0);
        assertEquals(AgentState.PAUSED, status.state());
        assertEquals("lunch", status.pauseReason());
        assertEquals(Optional.empty(), reserve(pool, DESK, T0.plusSeconds(6)));
    }

    @Test
    void readyClearsThePauseReason() {
        pool.pause(a, "training", T0);

        pool.ready(a, T0.plusSeconds(1));

        var status = pool.figures().states(T0.plusSeconds(2)).get(0);
        assertEquals(AgentState.READY, status.state());
        assertNull(status.pauseReason());
    }

    @Test
    void agentOnACallCannotPause() {
        pool.ready(a, T0);
        reserve(pool, DESK, T0);
        pool.connected(a, CALL, T0.plusSeconds(1));

        assertThrows(IllegalStateTransitionException.class, () -> pool.pause(a, "lunch", T0.plusSeconds(2)));
    }

    @Test
    void agentInWrapUpMayPauseAndWrapUpEndsByItselfOtherwise() {
        pool.ready(a, T0);
        pool.ready(b, T0);
        for (var agent : List.of(a, b)) {
            reserve(pool, DESK, T0);
            pool.connected(agent, CALL, T0);
            pool.callEnded(agent, CALL, T0.plusSeconds(10));
        }

        pool.pause(a, "coffee", T0.plusSeconds(15));

        var states = pool.figures().states(T0.plusSeconds(31));
        assertEquals(AgentState.PAUSED, states.get(0).state());
        assertEquals(AgentState.READY, states.get(1).state());
    }

    @Test
    void pauseReasonMustBeGiven() {
        pool.ready(a, T0);

        var error = assertThrows(IllegalArgumentException.class, () -> pool.pause(a, " ", T0));

        assertEquals("reason: ' ' (expected 1-40 characters)", error.getMessage());
    }
}
