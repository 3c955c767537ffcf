package io.duecall.app;

import static io.duecall.app.AgentSteps.CALL;
import static io.duecall.app.AgentSteps.reserve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
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

class AgentPoolTest {
    private static final CampaignId EARLY = new CampaignId("early");
    private static final CampaignId LATE = new CampaignId("late");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private final AgentId a = new AgentId("101");
    private final AgentId b = new AgentId("102");
    private final AgentId c = new AgentId("103");
    private final AgentPool pool = new AgentPool(List.of(
            new AgentSeat(a, Set.of(EARLY)), new AgentSeat(b, Set.of(EARLY)), new AgentSeat(c, Set.of(LATE))),
            Duration.ofSeconds(20), new InMemoryAgentRoster(), "");

    @Test
    void reservesTheLongestIdleAgentOfTheCampaign() {
        pool.ready(b, T0);
        pool.ready(a, T0.plusSeconds(5));
        pool.ready(c, T0.minusSeconds(60));

        var chosen = reserve(pool, EARLY, T0.plusSeconds(10));

        assertEquals(Optional.of(b), chosen);
        assertEquals(AgentState.RESERVED, pool.figures().state(b, T0.plusSeconds(10)));
    }

    @Test
    void agentIsReadyAgainOnlyAfterWrapUp() {
        pool.ready(a, T0);
        reserve(pool, EARLY, T0);
        pool.connected(a, CALL, T0.plusSeconds(1));
        pool.callEnded(a, CALL, T0.plusSeconds(61));

        assertEquals(0, pool.figures().ready(EARLY, T0.plusSeconds(80)));
        assertEquals(1, pool.figures().ready(EARLY, T0.plusSeconds(81)));
    }

    @Test
    void agentLeavingWrapUpQueuesBehindAgentsIdleLonger() {
        pool.ready(a, T0);
        reserve(pool, EARLY, T0);
        pool.connected(a, CALL, T0);
        pool.callEnded(a, CALL, T0.plusSeconds(30));
        pool.ready(b, T0.plusSeconds(40));

        var chosen = reserve(pool, EARLY, T0.plusSeconds(100));

        assertEquals(Optional.of(b), chosen);
    }

    @Test
    void noAgentForACampaignTheyDoNotServe() {
        pool.ready(c, T0);

        assertEquals(Optional.empty(), reserve(pool, EARLY, T0));
    }

    @Test
    void unreservedAgentKeepsTheirPlaceInLine() {
        pool.ready(a, T0);
        pool.ready(b, T0.plusSeconds(1));
        reserve(pool, EARLY, T0.plusSeconds(2));

        pool.unreserve(a, CALL, T0.plusSeconds(3));

        assertEquals(Optional.of(a), reserve(pool, EARLY, T0.plusSeconds(4)));
    }

    @Test
    void refusesIllegalTransitionNamingBothStates() {
        var error = assertThrows(IllegalStateTransitionException.class, () -> AgentRecord.NEVER_SEEN.connected(a, T0));

        assertEquals("agent 101: no transition from LOGGED_OUT to ON_CALL", error.getMessage());
    }

    @Test
    void aCallThatHoldsNobodyChangesNothing() {
        pool.ready(a, T0);

        assertFalse(pool.connected(a, CALL, T0.plusSeconds(1)));
        assertFalse(pool.callEnded(a, CALL, T0.plusSeconds(2)));
        assertEquals(AgentState.READY, pool.figures().state(a, T0.plusSeconds(3)));
    }

    @Test
    void accruesTalkAndWrapTimeForOccupancy() {
        pool.ready(a, T0);
        reserve(pool, EARLY, T0.plusSeconds(10));
        pool.connected(a, CALL, T0.plusSeconds(10));
        pool.callEnded(a, CALL, T0.plusSeconds(70));

        var times = pool.figures().timeInStates(T0.plusSeconds(100));

        assertEquals(Duration.ofSeconds(20), times.get(AgentState.READY)); // 10 s before the call, 10 s after wrap-up
        assertEquals(Duration.ofSeconds(60), times.get(AgentState.ON_CALL));
        assertEquals(Duration.ofSeconds(20), times.get(AgentState.WRAP_UP));
    }

    @Test
    void refusesAnAgentListedTwice() {
        var error = assertThrows(IllegalArgumentException.class, () -> new AgentPool(
                List.of(new AgentSeat(a, Set.of(EARLY)), new AgentSeat(a, Set.of(LATE))), Duration.ZERO, new InMemoryAgentRoster(), ""));

        assertEquals("agents: agent 101 is listed twice", error.getMessage());
    }
}
