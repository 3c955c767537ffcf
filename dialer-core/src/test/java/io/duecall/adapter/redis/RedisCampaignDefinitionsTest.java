package io.duecall.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.campaign.CampaignId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisCampaignDefinitionsTest {
    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }
    private static final CampaignId LATE = new CampaignId("late");

    @Test
    void createRefusesATakenIdAndKeepsTheFirstDefinition() {
        var store = new RedisCampaignDefinitions(redis.jedis(), redis.keys());
        assertTrue(store.create(LATE, "{\"id\":\"late\"}"));

        var second = new RedisCampaignDefinitions(redis.jedis(), redis.keys()).create(LATE, "{\"id\":\"other\"}");

        assertFalse(second);
        assertEquals(Map.of(LATE, "{\"id\":\"late\"}"), store.all());
    }

    @Test
    void replaceAndDeleteActOnlyOnStoredDefinitions() {
        var store = new RedisCampaignDefinitions(redis.jedis(), redis.keys());
        assertFalse(store.replace(LATE, "{}"));
        store.create(LATE, "{\"v\":1}");

        var replaced = store.replace(LATE, "{\"v\":2}");

        assertTrue(replaced);
        assertEquals(Map.of(LATE, "{\"v\":2}"), store.all());
        assertTrue(store.delete(LATE));
        assertFalse(store.delete(LATE));
        assertEquals(Map.of(), store.all());
    }
}
