package io.duecall.port;

import static io.duecall.app.AgentSteps.reserve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.app.AgentPool;
import io.duecall.domain.agent.AgentHold;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link AgentRoster} must do, alone and under two pools (two nodes) sharing it; subclasses supply it. */
public abstract class AgentRosterContract {
    private static final CampaignId DESK = new CampaignId("desk");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Duration WRAP_UP = Duration.ofSeconds(20);
    private final AgentId a = new AgentId("101");
    private final AgentId b = new AgentId("102");
    private final List<AgentSeat> seats = List.of(new AgentSeat(a, Set.of(DESK)), new AgentSeat(b, Set.of(DESK)));

    /** A roster over fresh storage. */
    protected abstract AgentRoster newRoster();

    /** Another roster over the same storage as the last {@link #newRoster()}, as a second node would see it. */
    protected abstract AgentRoster sameStorage();

    @Test
    void agentNeverWrittenIsLoggedOutAtVersionZero() {
        var roster = newRoster();

        var read = roster.read(List.of(a, b));

        assertEquals(List.of(new AgentRoster.Stored(a, AgentRecord.NEVER_SEEN, 0),
                new AgentRoster.Stored(b, AgentRecord.NEVER_SEEN, 0)), read);
    }

    @Test
    void recordIsReadBackWholeByAnotherNode() {
        var hold = new AgentHold("call-7", DESK, "node-a", T0.plusSeconds(300));
        var record = new AgentRecord(AgentState.ON_CALL, T0.plusSeconds(5), T0.minusSeconds(60), null, hold,
                T0.minusSeconds(90), T0.minusSeconds(70), Map.of(AgentState.READY, Duration.ofMillis(61_500),
                        AgentState.WRAP_UP, Duration.ofSeconds(20)));
        var roster = newRoster();
        assertTrue(roster.replace(a, 0, record));

        var read = sameStorage().read(List.of(b, a));

        assertEquals(List.of(new AgentRoster.Stored(b, AgentRecord.NEVER_SEEN, 0), new AgentRoster.Stored(a, record, 1)),
                read);
    }

    @Test
    void writeNamingAnOldVersionIsRefusedAndTheNewerRecordKept() {
        var roster = newRoster();
        var ready = AgentRecord.NEVER_SEEN.moved(a, AgentState.READY, T0);
        assertTrue(roster.replace(a, 0, ready));
        var paused = ready.paused(a, "lunch", T0.plusSeconds(1));
        assertTrue(sameStorage().replace(a, 1, paused));

        boolean stale = roster.replace(a, 1, ready.moved(a, AgentState.LOGGED_OUT, T0.plusSeconds(2)));

        assertFalse(stale);
        assertEquals(new AgentRoster.Stored(a, paused, 2), roster.read(List.of(a)).get(0));
    }

    @Test
    void agentLoggedInThroughOneNodeIsReservedThroughTheOther() {
        var nodeA = new AgentPool(seats, WRAP_UP, newRoster(), "node-a");
        var nodeB = new AgentPool(seats, WRAP_UP, sameStorage(), "node-b");
        nodeA.ready(b, T0);

        var chosen = reserve(nodeB, DESK, Set.of(), "call-1", T0.plusSeconds(300), T0.plusSeconds(1));

        assertEquals(Optional.of(b), chosen);
        assertEquals(AgentState.RESERVED, nodeA.figures().state(b, T0.plusSeconds(1)));
        assertEquals(Optional.empty(), reserve(nodeA, DESK, Set.of(), "call-2", T0.plusSeconds(300),
                T0.plusSeconds(2)));
        assertEquals(1, nodeA.figures().workload(DESK, T0.plusSeconds(2)).reserved());
    }

    @Test
    void holdNotRenewedLapsesAndTheOtherNodeTakesTheAgent() {
        var nodeA = new AgentPool(seats, WRAP_UP, newRoster(), "node-a");
        var nodeB = new AgentPool(seats, WRAP_UP, sameStorage(), "node-b");
        nodeA.ready(a, T0);
        reserve(nodeB, DESK, Set.of(), "call-1", T0.plusSeconds(60), T0);
        nodeB.connected(a, "call-1", T0.plusSeconds(2));

        var taken = reserve(nodeA, DESK, Set.of(), "call-2", T0.plusSeconds(160), T0.plusSeconds(60));

        assertEquals(Optional.of(a), taken);
        assertFalse(nodeB.callEnded(a, "call-1", T0.plusSeconds(61)));
        assertEquals(AgentState.RESERVED, nodeA.figures().state(a, T0.plusSeconds(61)));
    }

    @Test
    void renewedHoldKeepsTheAgentAndWrapUpIsLearnedByTheNodeOfTheCall() {
        var nodeA = new AgentPool(seats, WRAP_UP, newRoster(), "node-a");
        var nodeB = new AgentPool(seats, WRAP_UP, sameStorage(), "node-b");
        nodeA.ready(a, T0);
        reserve(nodeB, DESK, Set.of(), "call-1", T0.plusSeconds(60), T0);
        nodeB.connected(a, "call-1", T0.plusSeconds(2));
        assertTrue(nodeB.renewHold(a, "call-1", T0.plusSeconds(120), T0.plusSeconds(40)));
        assertEquals(Optional.empty(), reserve(nodeA, DESK, Set.of(), "call-2", T0.plusSeconds(160),
                T0.plusSeconds(90)));
        assertTrue(nodeB.callEnded(a, "call-1", T0.plusSeconds(100)));

        nodeA.pause(a, "coffee", T0.plusSeconds(108));

        assertEquals(List.of(), nodeA.takeFinishedWrapUps(DESK, T0.plusSeconds(110)));
        assertEquals(List.of(Duration.ofSeconds(8)), nodeB.takeFinishedWrapUps(DESK, T0.plusSeconds(110)));
        assertEquals(Map.of(AgentState.RESERVED, Duration.ofSeconds(2),
                AgentState.ON_CALL, Duration.ofSeconds(98), AgentState.WRAP_UP, Duration.ofSeconds(8),
                AgentState.PAUSED, Duration.ofSeconds(2)), nodeB.figures().timeInStates(T0.plusSeconds(110)));
    }
}
