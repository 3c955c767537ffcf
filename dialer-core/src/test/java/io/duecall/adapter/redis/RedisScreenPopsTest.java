package io.duecall.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.port.ScreenPops;
import io.duecall.port.ScreenPopsContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisScreenPopsTest extends ScreenPopsContract {
    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    @Override
    protected ScreenPops newPops() {
        return new RedisScreenPops(redis.jedis(), redis.keys(), Duration.ofMinutes(10));
    }

    @Test
    void popAndTheAgentsCurrentCallExpire() {
        pops.put(pop("c-1", AGENT, 0));

        long callTtl = redis.jedis().pttl(redis.keys().deskCall("c-1"));
        long agentTtl = redis.jedis().pttl(redis.keys().deskAgent(AGENT));

        assertTrue(callTtl > 0 && callTtl <= Duration.ofMinutes(10).toMillis(), "call pop ttl " + callTtl);
        assertTrue(agentTtl > 0 && agentTtl <= Duration.ofMinutes(10).toMillis(), "agent pop ttl " + agentTtl);
    }

    @Test
    void malformedPopNamesItsKey() {
        var key = redis.keys().deskCall("c-bad");
        redis.jedis().set(key, "{\"callId\":\"c-bad\"}");

        var error = assertThrows(IllegalStateException.class, () -> pops.find("c-bad"));

        assertTrue(error.getMessage().startsWith("redis: " + key + " holds a malformed screen pop"), error.getMessage());
    }
}
