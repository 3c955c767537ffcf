package io.duecall.adapter.redis;

import io.duecall.domain.agent.AgentActivity;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentState;
import io.duecall.port.AgentTimeLog;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link AgentTimeLog} on Redis: one hash per agent and day ({@link RedisKeys#agentTime}) from a state's name, or
 * {@code PAUSED|<reason>}, to milliseconds, added to in one Lua step that also renews the hash's expiry; a reason new
 * to a day that already holds the most reasons is added under {@code PAUSED|other}.
 */
public final class RedisAgentTimeLog implements AgentTimeLog {
    private static final String PAUSED = AgentState.PAUSED.name() + "|";
    private static final LuaScript ADD = new LuaScript("""
            local reasons = 0
            for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
              if string.sub(field, 1, 7) == 'PAUSED|' then reasons = reasons + 1 end
            end
            for i = 4, #ARGV, 2 do
              local field = ARGV[i]
              if string.sub(field, 1, 7) == 'PAUSED|' and redis.call('HEXISTS', KEYS[1], field) == 0 then
                if reasons >= tonumber(ARGV[2]) then field = ARGV[1] else reasons = reasons + 1 end
              end
              redis.call('HINCRBY', KEYS[1], field, ARGV[i + 1])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """);
    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    public RedisAgentTimeLog(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    @Override
    public void add(AgentId agent, LocalDate day, Map<AgentActivity, Duration> time) {
        if (time.isEmpty()) {
            return;
        }
        var args = new ArrayList<String>();
        args.add(PAUSED + AgentActivity.OTHER_REASONS);
        args.add(Integer.toString(MAX_PAUSE_REASONS));
        args.add(Long.toString(RETENTION.toMillis()));
        time.forEach((activity, spent) -> {
            args.add(field(activity));
            args.add(Long.toString(spent.toMillis()));
        });
        var key = keys.agentTime(agent, day);
        Redis.call("add to " + key, () -> ADD.run(jedis, List.of(key), args));
    }

    @Override
    public Map<AgentActivity, Duration> day(AgentId agent, LocalDate day) {
        var key = keys.agentTime(agent, day);
        var stored = Redis.call("read " + key, () -> jedis.hgetAll(key));
        var time = new LinkedHashMap<AgentActivity, Duration>();
        stored.forEach((field, millis) -> time.put(activity(field), Duration.ofMillis(Long.parseLong(millis))));
        return time;
    }

    private static String field(AgentActivity activity) {
        return activity.state() == AgentState.PAUSED ? PAUSED + activity.pauseReason() : activity.state().name();
    }

    private static AgentActivity activity(String field) {
        return field.startsWith(PAUSED) ? AgentActivity.paused(field.substring(PAUSED.length()))
                : AgentActivity.in(AgentState.valueOf(field));
    }
}
