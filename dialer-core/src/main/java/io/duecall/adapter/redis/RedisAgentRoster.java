package io.duecall.adapter.redis;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
import io.duecall.port.AgentRoster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link AgentRoster} on Redis: one hash per agent ({@link RedisKeys#agent}), read in one pipeline and replaced by
 * one Lua step that writes only if the hash's version is still the one the node read, so nodes sharing the Redis
 * cannot both win the same agent.
 */
public final class RedisAgentRoster implements AgentRoster {
    private static final LuaScript REPLACE = new LuaScript("""
            local version = redis.call('HGET', KEYS[1], 'version') or '0'
            if version ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'version', ARGV[2], unpack(ARGV, 3))
            return 1
            """);
    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    public RedisAgentRoster(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    @Override
    public List<Stored> read(List<AgentId> agents) {
        if (agents.isEmpty()) {
            return List.of();
        }
        var replies = Redis.call("read agents", () -> {
            var responses = new ArrayList<Response<Map<String, String>>>(agents.size());
            try (var pipeline = jedis.pipelined()) {
                agents.forEach(agent -> responses.add(pipeline.hgetAll(keys.agent(agent))));
                pipeline.sync();
            }
            return responses;
        });
        var stored = new ArrayList<Stored>(agents.size());
        for (int i = 0; i < agents.size(); i++) {
            var agent = agents.get(i);
            var fields = replies.get(i).get();
            stored.add(fields.isEmpty() ? new Stored(agent, AgentRecord.NEVER_SEEN, 0)
                    : AgentRecordCodec.decode(keys.agent(agent), agent, fields));
        }
        return stored;
    }

    @Override
    public boolean replace(AgentId agent, long expectedVersion, AgentRecord next) {
        var key = keys.agent(agent);
        var args = new ArrayList<String>();
        args.add(Long.toString(expectedVersion));
        args.add(Long.toString(expectedVersion + 1));
        AgentRecordCodec.encode(next).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        var reply = Redis.call("write " + key, () -> REPLACE.run(jedis, List.of(key), args));
        return Long.valueOf(1).equals(reply);
    }
}
