package io.duecall.adapter.redis;

import io.duecall.domain.attempt.Attempt;
import io.duecall.port.AttemptLedger;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/** {@link AttemptLedger} as a Redis Stream: one XADD per attempt, read back in pages with XRANGE. */
public final class RedisAttemptLedger implements AttemptLedger {
    private static final int PAGE = 500;

    private final UnifiedJedis jedis;
    private final String key;

    public RedisAttemptLedger(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.key = keys.attempts();
    }

    @Override
    public void append(Attempt attempt) {
        var fields = AttemptCodec.encode(attempt);
        Redis.call("append to " + key, () -> jedis.xadd(key, StreamEntryID.NEW_ENTRY, fields));
    }

    @Override
    public List<Attempt> readAll() {
        var attempts = new ArrayList<Attempt>();
        var start = "-";
        while (true) {
            var from = start;
            var page = Redis.call("read " + key, () -> jedis.xrange(key, from, "+", PAGE));
            for (var entry : page) {
                attempts.add(AttemptCodec.decode(key + " entry " + entry.getID(), entry.getFields()));
            }
            if (page.size() < PAGE) {
                return attempts;
            }
            start = "(" + page.get(page.size() - 1).getID();
        }
    }

    @Override
    public long size() {
        return Redis.call("count " + key, () -> jedis.xlen(key));
    }
}
