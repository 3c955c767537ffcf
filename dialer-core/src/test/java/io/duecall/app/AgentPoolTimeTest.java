package io.duecall.app;

import static io.duecall.app.AgentSteps.CALL;
import static io.duecall.app.AgentSteps.reserve;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.adapter.redis.RedisAgentRoster;
import io.duecall.adapter.redis.RedisAgentTimeLog;
import io.duecall.adapter.redis.RedisTestSupport;
import io.duecall.domain.agent.AgentActivity;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The agents' time per day as the pool adds it up at each change, in Redis. */
class AgentPoolTimeTest {
    private static final CampaignId DESK = new CampaignId("desk");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    /** 09:00 in New York. */
    private static final Instant T0 = Instant.parse("2026-03-03T14:00:00Z");
    private final AgentId a = new AgentId("101");

    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();

    private AgentPool pool() {
        return new AgentPool(List.of(new AgentSeat(a, Set.of(DESK))), Duration.ofSeconds(30),
                new RedisAgentRoster(redis.jedis(), redis.keys()), "",
                new AgentTimeKeeper(new RedisAgentTimeLog(redis.jedis(), redis.keys()), NEW_YORK));
    }

    @Test
    void eachStateAndPauseReasonIsAddedUpForTheDayUpToNow() {
        var pool = pool();
        pool.startShift(a, T0);
        reserve(pool, DESK, T0.plusSeconds(600));
        pool.connected(a, CALL, T0.plusSeconds(605));
        pool.callEnded(a, CALL, T0.plusSeconds(845));
        // The 30-second wrap-up ended by itself at +875; ready until the pause.
        pool.pause(a, "lunch", T0.plusSeconds(1_200));
        pool.ready(a, T0.plusSeconds(3_000));

        var time = pool.figures().timeOn(DAY, T0.plusSeconds(3_600));

        assertEquals(Map.of(a, Map.of(
                AgentActivity.in(AgentState.READY), Duration.ofSeconds(600 + 325 + 600),
                AgentActivity.in(AgentState.RESERVED), Duration.ofSeconds(5),
                AgentActivity.in(AgentState.ON_CALL), Duration.ofSeconds(240),
                AgentActivity.in(AgentState.WRAP_UP), Duration.ofSeconds(30),
                AgentActivity.paused("lunch"), Duration.ofSeconds(1_800))), time);
    }

    @Test
    void anotherNodesPoolSeesTheSameDay() {
        pool().startShift(a, T0);
        pool().pause(a, "coaching", T0.plusSeconds(60));

        var time = pool().figures().timeOn(DAY, T0.plusSeconds(90));

        assertEquals(Map.of(AgentActivity.in(AgentState.READY), Duration.ofSeconds(60),
                AgentActivity.paused("coaching"), Duration.ofSeconds(30)), time.get(a));
    }

    @Test
    void aLogThatCannotBeReachedLosesTheTimeButNeverTheChange() {
        var down = new io.duecall.port.AgentTimeLog() {
            @Override
            public void add(AgentId agent, LocalDate day, Map<AgentActivity, Duration> time) {
                throw new io.duecall.port.StoreUnavailableException("redis: down", null);
            }

            @Override
            public Map<AgentActivity, Duration> day(AgentId agent, LocalDate day) {
                return Map.of();
            }
        };
        var pool = new AgentPool(List.of(new AgentSeat(a, Set.of(DESK))), Duration.ofSeconds(30),
                new RedisAgentRoster(redis.jedis(), redis.keys()), "", new AgentTimeKeeper(down, NEW_YORK));
        pool.startShift(a, T0);

        pool.pause(a, "lunch", T0.plusSeconds(60));

        assertEquals(AgentState.PAUSED, pool.figures().state(a, T0.plusSeconds(61)));
    }

    @Test
    void theTimeIsAddedOnTheWritersThreadNotUnderThePoolsLock() {
        var queued = new java.util.ArrayList<Runnable>();
        var pool = new AgentPool(List.of(new AgentSeat(a, Set.of(DESK))), Duration.ofSeconds(30),
                new RedisAgentRoster(redis.jedis(), redis.keys()), "",
                new AgentTimeKeeper(new RedisAgentTimeLog(redis.jedis(), redis.keys()), NEW_YORK, queued::add));
        pool.startShift(a, T0);
        pool.pause(a, "lunch", T0.plusSeconds(60));
        var log = new RedisAgentTimeLog(redis.jedis(), redis.keys());
        assertEquals(Map.of(), log.day(a, DAY));

        queued.forEach(Runnable::run);

        assertEquals(Map.of(AgentActivity.in(AgentState.READY), Duration.ofSeconds(60)), log.day(a, DAY));
    }

    @Test
    void aShiftOverMidnightCountsOnBothDays() {
        var pool = pool();
        // 23:00 New York.
        var late = Instant.parse("2026-03-04T04:00:00Z");
        pool.startShift(a, late);
        pool.logout(a, late.plusSeconds(7_200));

        var time = pool.figures();

        assertEquals(Duration.ofHours(1), time.timeOn(DAY, late.plusSeconds(9_000)).get(a)
                .get(AgentActivity.in(AgentState.READY)));
        assertEquals(Duration.ofHours(1), time.timeOn(DAY.plusDays(1), late.plusSeconds(9_000)).get(a)
                .get(AgentActivity.in(AgentState.READY)));
    }
}
