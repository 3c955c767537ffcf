package io.duecall.adapter.redis;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.port.AttemptLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link AttemptLedger} as a Redis Stream (one XADD per attempt, read back in pages with XRANGE) and, in the same
 * MULTI, a capped list per account that the contact rules read and, for location calls, a per-account hash of calls
 * by third-party number that is never trimmed.
 */
public final class RedisAttemptLedger implements AttemptLedger {
    /** Attempts kept per account: far more than 30 days of the strictest caps allow. */
    static final int HISTORY_LIMIT = 500;
    private static final int PAGE = 500;

    private final UnifiedJedis jedis;
    private final RedisKeys keys;
    private final String key;

    public RedisAttemptLedger(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
        this.key = keys.attempts();
    }

    @Override
    public void append(Attempt attempt) {
        var fields = AttemptCodec.encode(attempt);
        var historyKey = keys.history(attempt.account());
        var entry = PastAttemptCodec.encode(PastAttempt.of(attempt));
        var locationKey = keys.locationCalls(attempt.account());
        Redis.call("append to " + key, () -> {
            try (var tx = jedis.multi()) {
                tx.xadd(key, StreamEntryID.NEW_ENTRY, fields);
                tx.rpush(historyKey, entry);
                tx.ltrim(historyKey, -HISTORY_LIMIT, -1);
                if (attempt.locationCall()) {
                    tx.hincrBy(locationKey, attempt.number().value(), 1);
                }
                return tx.exec();
            }
        });
    }

    @Override
    public List<PastAttempt> history(AccountId account, Instant since) {
        var historyKey = keys.history(account);
        var entries = Redis.call("read " + historyKey, () -> jedis.lrange(historyKey, 0, -1));
        var attempts = new ArrayList<PastAttempt>(entries.size());
        for (var entry : entries) {
            var attempt = PastAttemptCodec.decode(historyKey, entry);
            if (!attempt.at().isBefore(since)) {
                attempts.add(attempt);
            }
        }
        return attempts;
    }

    @Override
    public Map<E164, Integer> locationCalls(AccountId account) {
        var locationKey = keys.locationCalls(account);
        var stored = Redis.call("read " + locationKey, () -> jedis.hgetAll(locationKey));
        var counts = new HashMap<E164, Integer>();
        stored.forEach((number, count) -> {
            try {
                counts.put(new E164(number), Integer.valueOf(count));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("redis: " + locationKey + " field '" + number + "' = '" + count
                        + "' is malformed: " + e.getMessage(), e);
            }
        });
        return Map.copyOf(counts);
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
