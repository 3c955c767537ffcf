package io.duecall.adapter.redis;

import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.CampaignDefinitions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/** {@link CampaignDefinitions} on Redis: one hash from campaign id to its definition; create is HSETNX. */
public final class RedisCampaignDefinitions implements CampaignDefinitions {
    private static final LuaScript REPLACE = new LuaScript("""
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """);
    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    public RedisCampaignDefinitions(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    @Override
    public boolean create(CampaignId id, String definition) {
        Objects.requireNonNull(definition, "definition");
        var key = keys.campaignDefinitions();
        return Redis.call("create campaign " + id + " in " + key, () -> jedis.hsetnx(key, id.value(), definition)) == 1;
    }

    @Override
    public boolean replace(CampaignId id, String definition) {
        Objects.requireNonNull(definition, "definition");
        var key = keys.campaignDefinitions();
        var replaced = Redis.call("replace campaign " + id + " in " + key,
                () -> REPLACE.run(jedis, List.of(key), List.of(id.value(), definition)));
        return Long.valueOf(1).equals(replaced);
    }

    @Override
    public boolean delete(CampaignId id) {
        var key = keys.campaignDefinitions();
        return Redis.call("delete campaign " + id + " from " + key, () -> jedis.hdel(key, id.value())) == 1;
    }

    @Override
    public Map<CampaignId, String> all() {
        var key = keys.campaignDefinitions();
        var stored = Redis.call("read " + key, () -> jedis.hgetAll(key));
        var definitions = new HashMap<CampaignId, String>();
        stored.forEach((id, definition) -> {
            try {
                definitions.put(new CampaignId(id), definition);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(key + " holds a definition under an invalid id '" + id + "'", e);
            }
        });
        return Map.copyOf(definitions);
    }
}
