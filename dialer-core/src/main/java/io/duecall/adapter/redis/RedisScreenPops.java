package io.duecall.adapter.redis;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.ScreenPop;
import io.duecall.port.ScreenPops;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link ScreenPops} on Redis: each pop as JSON under its call id, and per agent a hash naming the current call
 * (call id, bridged time and the pop itself, so the desk reads it in one round trip). Both expire after
 * {@link #KEPT} unless a later pop renews the agent's hash; one Lua step on the {@code {desk}} slot writes both.
 */
public final class RedisScreenPops implements ScreenPops {
    /** How long a pop stays readable: a whole shift, far beyond any wrap-up. */
    public static final Duration KEPT = Duration.ofHours(12);
    private static final LuaScript PUT = new LuaScript("""
            redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
            local shown = redis.call('HGET', KEYS[1], 'bridgedAt')
            if shown and tonumber(shown) > tonumber(ARGV[2]) then return 0 end
            redis.call('HSET', KEYS[1], 'callId', ARGV[1], 'bridgedAt', ARGV[2], 'pop', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """);
    private static final LuaScript DONE = new LuaScript("""
            if redis.call('HGET', KEYS[1], 'callId') == ARGV[1] then
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0
            """);
    private final UnifiedJedis jedis;
    private final RedisKeys keys;
    private final Duration kept;

    public RedisScreenPops(UnifiedJedis jedis, RedisKeys keys) {
        this(jedis, keys, KEPT);
    }

    public RedisScreenPops(UnifiedJedis jedis, RedisKeys keys, Duration kept) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.keys = Objects.requireNonNull(keys, "keys");
        if (kept.toMillis() <= 0) {
            throw new IllegalArgumentException("kept: " + kept + " (expected at least 1 ms)");
        }
        this.kept = kept;
    }

    @Override
    public void put(ScreenPop pop) {
        var agentKey = keys.deskAgent(pop.agent());
        var args = List.of(pop.callId(), Long.toString(pop.bridgedAt().toEpochMilli()), ScreenPopCodec.encode(pop),
                Long.toString(kept.toMillis()));
        Redis.call("store screen pop in " + agentKey,
                () -> PUT.run(jedis, List.of(agentKey, keys.deskCall(pop.callId())), args));
    }

    @Override
    public Optional<ScreenPop> current(AgentId agent) {
        var key = keys.deskAgent(agent);
        var value = Redis.call("read " + key, () -> jedis.hget(key, "pop"));
        return Optional.ofNullable(value).map(v -> ScreenPopCodec.decode(key, v));
    }

    @Override
    public Optional<ScreenPop> find(String callId) {
        if (callId == null || callId.isEmpty()) {
            return Optional.empty();
        }
        var key = keys.deskCall(callId);
        var value = Redis.call("read " + key, () -> jedis.get(key));
        return Optional.ofNullable(value).map(v -> ScreenPopCodec.decode(key, v));
    }

    @Override
    public void done(AgentId agent, String callId) {
        var key = keys.deskAgent(agent);
        Redis.call("clear " + key, () -> DONE.run(jedis, List.of(key), List.of(callId)));
    }
}
