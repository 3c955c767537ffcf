package io.duecall.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.agent.AgentActivity;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentState;
import io.duecall.port.AgentTimeLog;
import io.duecall.port.AgentTimeLogContract;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAgentTimeLogTest extends AgentTimeLogContract {
    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    @Override
    protected AgentTimeLog newLog() {
        return new RedisAgentTimeLog(redis.jedis(), redis.keys());
    }

    @Override
    protected AgentTimeLog sameStorage() {
        return new RedisAgentTimeLog(redis.jedis(), redis.keys());
    }

    @Test
    void aDayExpiresAfterTheRetention() {
        var agent = new AgentId("101");
        var day = LocalDate.of(2026, 3, 3);

        newLog().add(agent, day, Map.of(AgentActivity.in(AgentState.READY), Duration.ofSeconds(1)));

        long ttl = redis.jedis().pttl(redis.keys().agentTime(agent, day));
        assertTrue(ttl > AgentTimeLog.RETENTION.minusMinutes(1).toMillis() && ttl <= AgentTimeLog.RETENTION.toMillis(),
                "ttl " + ttl);
    }
}
