package io.duecall.adapter.redis;

/** The Lua scripts behind {@link RedisPromiseStore}; every key they touch carries the {@code {promises}} hash tag. */
final class PromiseScripts {
    private PromiseScripts() {}

    /**
     * KEYS: promise hash, promise log, unsettled ZSET, account's list, totals hash. ARGV: call id, pay-by epoch day,
     * totals field (campaign and currency), amount in minor units, then field, value pairs. Stores, indexes and adds
     * the promise to its campaign's total unless the call has one; returns the stored hash either way.
     */
    static final LuaScript RECORD_ONCE = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              for i = 5, #ARGV, 2 do
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              end
              redis.call('RPUSH', KEYS[2], ARGV[1])
              redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
              redis.call('RPUSH', KEYS[4], ARGV[1])
              redis.call('HINCRBY', KEYS[5], ARGV[3], ARGV[4])
            end
            return redis.call('HGETALL', KEYS[1])
            """);

    /**
     * KEYS: promise hash, unsettled ZSET. ARGV: call id, 1 if the new status is final, the expected state, paid and
     * changedAt, then the new field, value pairs. Writes only if the stored status is the expected one; returns 1
     * or 0. A hash from before promises had a status counts as open, nothing paid, changed when promised.
     */
    static final LuaScript COMPARE_AND_SET = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local stored = redis.call('HMGET', KEYS[1], 'state', 'paidMinor', 'changedAt', 'promisedAt')
            local state = stored[1] or 'OPEN'
            local paid = stored[2] or '0'
            local changed = stored[3] or stored[4]
            if state ~= ARGV[3] or paid ~= ARGV[4] or changed ~= ARGV[5] then return 0 end
            for i = 6, #ARGV, 2 do
              redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
            end
            if ARGV[2] == '1' then
              redis.call('ZREM', KEYS[2], ARGV[1])
            end
            return 1
            """);
}
