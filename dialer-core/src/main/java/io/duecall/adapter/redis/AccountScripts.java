package io.duecall.adapter.redis;

/**
 * The Lua scripts behind {@link RedisAccountStore}. Each acts on one campaign's keys only:
 * KEYS[1] queue, KEYS[2] leases, KEYS[3] lease owners. Times arrive as epoch millis in ARGV; scripts never read TIME.
 */
final class AccountScripts {
    private AccountScripts() {}

    /** ARGV: now, max, lease expiry, token base. Returns id1, token1, id2, token2, ... earliest eligible first. */
    static final LuaScript CLAIM = new LuaScript("""
            local now = tonumber(ARGV[1])
            local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'WITHSCORES')
            for i = 1, #expired, 2 do
              redis.call('ZADD', KEYS[1], expired[i + 1], expired[i])
              redis.call('ZREM', KEYS[2], expired[i])
              redis.call('HDEL', KEYS[3], expired[i])
            end
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))
            local claimed = {}
            for i, id in ipairs(ids) do
              local token = ARGV[4] .. '-' .. i
              redis.call('ZREM', KEYS[1], id)
              redis.call('ZADD', KEYS[2], ARGV[3], id)
              redis.call('HSET', KEYS[3], id, token)
              claimed[#claimed + 1] = id
              claimed[#claimed + 1] = token
            end
            return claimed
            """);

    /** ARGV: id, token, next eligible. Requeues only while the caller's token is still the owner; returns 1 or 0. */
    static final LuaScript RELEASE = new LuaScript("""
            if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
            redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
            return 1
            """);

    /** ARGV: id, token, new expiry. Moves the lease's expiry only while the caller's token owns it; returns 1 or 0. */
    static final LuaScript RENEW = new LuaScript("""
            if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
            redis.call('ZADD', KEYS[2], 'XX', ARGV[3], ARGV[1])
            return 1
            """);

    /** ARGV: id, token. Drops the lease (and so the account from the campaign) only for the owner; returns 1 or 0. */
    static final LuaScript FINISH = new LuaScript("""
            if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
            redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('ZREM', KEYS[1], ARGV[1])
            return 1
            """);

    /** ARGV: id. Takes the id out of the campaign, queued or leased, whoever holds the lease; returns 1. */
    static final LuaScript REMOVE = new LuaScript("""
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            return 1
            """);

    /** ARGV: id, eligible at. Queues or moves the id unless it is leased; returns 1, or 0 when leased. */
    static final LuaScript REQUEUE = new LuaScript("""
            if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            return 1
            """);
}
