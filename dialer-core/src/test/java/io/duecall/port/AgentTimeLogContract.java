package io.duecall.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.domain.agent.AgentActivity;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentState;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link AgentTimeLog} must do; subclasses supply the storage. */
public abstract class AgentTimeLogContract {
    private static final AgentId AGENT = new AgentId("101");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    private static final AgentActivity READY = AgentActivity.in(AgentState.READY);
    private static final AgentActivity TALK = AgentActivity.in(AgentState.ON_CALL);

    /** A log over fresh storage. */
    protected abstract AgentTimeLog newLog();

    /** Another log over the same storage as the last {@link #newLog()}, as a second engine would see it. */
    protected abstract AgentTimeLog sameStorage();

    @Test
    void timeAddsUpPerActivityAndPauseReasonAcrossNodes() {
        var log = newLog();

        log.add(AGENT, DAY, Map.of(READY, Duration.ofSeconds(90), AgentActivity.paused("lunch"), Duration.ofMinutes(30)));
        sameStorage().add(AGENT, DAY, Map.of(READY, Duration.ofMillis(10_500), TALK, Duration.ofSeconds(200),
                AgentActivity.paused("coaching"), Duration.ofMinutes(5)));

        assertEquals(Map.of(READY, Duration.ofMillis(100_500), TALK, Duration.ofSeconds(200),
                AgentActivity.paused("lunch"), Duration.ofMinutes(30), AgentActivity.paused("coaching"),
                Duration.ofMinutes(5)), sameStorage().day(AGENT, DAY));
    }

    @Test
    void daysAndAgentsAreKeptApart() {
        var log = newLog();

        log.add(AGENT, DAY, Map.of(READY, Duration.ofSeconds(1)));

        assertEquals(Map.of(), log.day(AGENT, DAY.plusDays(1)));
        assertEquals(Map.of(), log.day(new AgentId("102"), DAY));
    }

    @Test
    void pauseReasonsPastTheDaysLimitAddUpUnderOther() {
        var log = newLog();
        var first = new HashMap<AgentActivity, Duration>();
        for (int i = 0; i < AgentTimeLog.MAX_PAUSE_REASONS; i++) {
            first.put(AgentActivity.paused("reason " + i), Duration.ofSeconds(1));
        }
        log.add(AGENT, DAY, first);

        log.add(AGENT, DAY, Map.of(AgentActivity.paused("one more"), Duration.ofSeconds(7),
                AgentActivity.paused("reason 3"), Duration.ofSeconds(2), TALK, Duration.ofSeconds(4)));
        log.add(AGENT, DAY, Map.of(AgentActivity.paused("and another"), Duration.ofSeconds(5)));

        var day = log.day(AGENT, DAY);
        assertEquals(Duration.ofSeconds(12), day.get(AgentActivity.paused(AgentActivity.OTHER_REASONS)));
        assertEquals(Duration.ofSeconds(3), day.get(AgentActivity.paused("reason 3")));
        assertEquals(Duration.ofSeconds(4), day.get(TALK));
        assertEquals(AgentTimeLog.MAX_PAUSE_REASONS + 2, day.size());
    }
}
