package io.duecall.app;

import static io.duecall.app.AgentSteps.CALL;
import static io.duecall.app.AgentSteps.reserve;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentPoolWorkloadTest {
    private static final CampaignId DESK = new CampaignId("desk");
    private static final CampaignId OTHER = new CampaignId("other");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private final AgentId a = new AgentId("101");
    private final AgentId b = new AgentId("102");
    private final AgentId c = new AgentId("103");
    private final AgentId d = new AgentId("104");
    private final AgentPool pool = new AgentPool(List.of(new AgentSeat(a, Set.of(DESK)), new AgentSeat(b, Set.of(DESK)),
            new AgentSeat(c, Set.of(DESK, OTHER)), new AgentSeat(d, Set.of(DESK))), Duration.ofSeconds(20), new InMemoryAgentRoster(), "");

    @Test
    void workloadGivesEachBusyAgentsTimeInTalkOrWrapUpSinceItBegan() {
        pool.ready(a, T0);
        pool.ready(b, T0);
        pool.ready(c, T0);
        pool.pause(d, "lunch", T0);
        reserve(pool, DESK, T0.plusSeconds(1));
        pool.connected(a, CALL, T0.plusSeconds(2));
        reserve(pool, DESK, T0.plusSeconds(3));
        pool.connected(b, CALL, T0.plusSeconds(3));
        pool.callEnded(b, CALL, T0.plusSeconds(40));
        pool.figures().timeInStates(T0.plusSeconds(45)); // accounting must not move the start of a state

        var work = pool.figures().workload(DESK, T0.plusSeconds(50));

        assertEquals(3, work.loggedIn());
        assertEquals(1, work.ready());
        assertEquals(0, work.reserved());
        assertArrayEquals(new double[] {48}, work.talkElapsed(), 1e-9);
        assertArrayEquals(new double[] {10}, work.wrapElapsed(), 1e-9);
    }

    @Test
    void finishedWrapUpsGoToTheCampaignOfTheAgentsLastCallOnce() {
        pool.ready(c, T0);
        reserve(pool, OTHER, T0);
        pool.connected(c, CALL, T0.plusSeconds(1));
        pool.callEnded(c, CALL, T0.plusSeconds(61));
        pool.ready(a, T0);
        reserve(pool, DESK, T0);
        pool.connected(a, CALL, T0.plusSeconds(1));
        pool.callEnded(a, CALL, T0.plusSeconds(30));
        pool.pause(a, "break", T0.plusSeconds(35));

        var desk = pool.takeFinishedWrapUps(DESK, T0.plusSeconds(100));
        var other = pool.takeFinishedWrapUps(OTHER, T0.plusSeconds(100));

        assertEquals(List.of(Duration.ofSeconds(5)), desk);
        assertEquals(List.of(Duration.ofSeconds(20)), other);
        assertEquals(List.of(), pool.takeFinishedWrapUps(DESK, T0.plusSeconds(200)));
    }
}
