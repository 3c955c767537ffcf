package io.duecall.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.domain.agent.AgentId;
import io.duecall.port.AgentRoster;
import io.duecall.port.AgentRosterContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAgentRosterTest extends AgentRosterContract {
    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();

    @Override
    protected AgentRoster newRoster() {
        return new RedisAgentRoster(redis.jedis(), redis.keys());
    }

    @Override
    protected AgentRoster sameStorage() {
        return new RedisAgentRoster(redis.jedis(), redis.keys());
    }

    @Test
    void malformedRecordIsRefusedNamingItsKey() {
        var agent = new AgentId("101");
        redis.jedis().hset(redis.keys().agent(agent), java.util.Map.of("version", "3", "state", "SLEEPING"));

        var error = assertThrows(IllegalStateException.class, () -> newRoster().read(List.of(agent)));

        assertEquals("redis: agent record " + redis.keys().agent(agent)
                + " is malformed: No enum constant io.duecall.domain.agent.AgentState.SLEEPING", error.getMessage());
    }
}
