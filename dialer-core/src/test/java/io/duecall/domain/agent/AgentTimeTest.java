package io.duecall.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentTimeTest {
    private static final AgentId AGENT = new AgentId("101");
    private static final Instant T0 = Instant.parse("2026-03-03T15:00:00Z");

    @Test
    void aWrapUpThatEndedByItselfIsTheWrapUpThenReadyTime() {
        var wrapping = AgentRecord.NEVER_SEEN.moved(AGENT, AgentState.READY, T0.minusSeconds(60))
                .reserved(AGENT, new AgentHold("c1", new io.duecall.domain.campaign.CampaignId("desk"), "", Instant.MAX),
                        T0.minusSeconds(50))
                .connected(AGENT, T0.minusSeconds(40)).callEnded(AGENT, Duration.ofSeconds(30), T0);

        var spans = AgentTime.since(wrapping, T0.plusSeconds(300));

        assertEquals(List.of(new AgentTime.Span(AgentActivity.in(AgentState.WRAP_UP), T0, T0.plusSeconds(30)),
                new AgentTime.Span(AgentActivity.in(AgentState.READY), T0.plusSeconds(30), T0.plusSeconds(300))), spans);
    }

    @Test
    void loggedOutTimeIsNoActivity() {
        assertEquals(List.of(), AgentTime.since(AgentRecord.NEVER_SEEN, T0));
    }

    @Test
    void aSpanOverMidnightIsCutAtTheZonesMidnight() {
        var zone = ZoneId.of("America/New_York");
        var paused = AgentActivity.paused("late shift");
        // 23:30 to 00:45 New York time.
        var span = new AgentTime.Span(paused, Instant.parse("2026-03-04T04:30:00Z"), Instant.parse("2026-03-04T05:45:00Z"));

        var days = AgentTime.byDay(List.of(span), zone);

        assertEquals(Map.of(LocalDate.of(2026, 3, 3), Map.of(paused, Duration.ofMinutes(30)),
                LocalDate.of(2026, 3, 4), Map.of(paused, Duration.ofMinutes(45))), days);
    }
}
