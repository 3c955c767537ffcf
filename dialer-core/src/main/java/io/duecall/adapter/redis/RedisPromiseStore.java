package io.duecall.adapter.redis;

import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.PromiseStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link PromiseStore} on Redis: one hash per call plus a list of calls in promise order, written by one Lua script so
 * a call records exactly one promise. Durable as far as Redis is: deployments run Redis with {@code appendonly yes}.
 */
public final class RedisPromiseStore implements PromiseStore {
    private static final int PAGE = 500;
    private static final LuaScript RECORD_ONCE = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              for i = 2, #ARGV, 2 do
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              end
              redis.call('RPUSH', KEYS[2], ARGV[1])
            end
            return redis.call('HGETALL', KEYS[1])
            """);

    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    public RedisPromiseStore(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    @Override
    public PromiseToPay record(PromiseToPay promise) {
        var key = keys.promise(promise.callId());
        var args = new ArrayList<String>();
        args.add(promise.callId());
        PromiseCodec.encode(promise).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        var reply = (List<?>) Redis.call("record promise in " + key,
                () -> RECORD_ONCE.run(jedis, List.of(key, keys.promiseLog()), args));
        var stored = new HashMap<String, String>();
        for (int i = 0; i < reply.size(); i += 2) {
            stored.put((String) reply.get(i), (String) reply.get(i + 1));
        }
        return PromiseCodec.decode(key, stored);
    }

    @Override
    public Optional<PromiseToPay> forCall(String callId) {
        var key = keys.promise(callId);
        var fields = Redis.call("read " + key, () -> jedis.hgetAll(key));
        return fields.isEmpty() ? Optional.empty() : Optional.of(PromiseCodec.decode(key, fields));
    }

    @Override
    public List<PromiseToPay> all() {
        var promises = new ArrayList<PromiseToPay>();
        for (long start = 0; ; start += PAGE) {
            var from = start;
            var callIds = Redis.call("read " + keys.promiseLog(), () -> jedis.lrange(keys.promiseLog(), from, from + PAGE - 1));
            var loaded = Redis.call("read promises", () -> {
                var responses = new ArrayList<Response<Map<String, String>>>();
                try (var pipeline = jedis.pipelined()) {
                    callIds.forEach(callId -> responses.add(pipeline.hgetAll(keys.promise(callId))));
                    pipeline.sync();
                }
                return responses;
            });
            for (int i = 0; i < callIds.size(); i++) {
                promises.add(PromiseCodec.decode(keys.promise(callIds.get(i)), loaded.get(i).get()));
            }
            if (callIds.size() < PAGE) {
                return promises;
            }
        }
    }
}
