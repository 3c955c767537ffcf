package io.duecall.adapter.redis;

/**
 * The Lua scripts of an import ({@link StagedImport}): staging keys that expire, the commit on one Redis, and the
 * merge of the staged ids into the queue, the last step of a commit on a Redis Cluster.
 */
final class ImportScripts {
    private ImportScripts() {}

    /**
     * Moves the ids of the staging ZSET KEYS[3] into the queue KEYS[1], except those leased (KEYS[2]) or already
     * queued, which keep their place, adding the count to {@code queued}, and deletes the staging key; {@code staged}
     * is its size.
     */
    private static final String QUEUE_STAGED = """
            for from = 0, staged - 1, 1000 do
              local window = redis.call('ZRANGE', KEYS[3], from, from + 999, 'WITHSCORES')
              for i = 1, #window, 2 do
                if not redis.call('ZSCORE', KEYS[2], window[i]) then
                  queued = queued + redis.call('ZADD', KEYS[1], 'NX', window[i + 1], window[i])
                end
              end
            end
            redis.call('DEL', KEYS[3])
            """;

    /**
     * KEYS: queue, leases, staging ZSET, replaced SET. ARGV: account key start, account key end, staging key end.
     * Renames each replaced account's staging hash over it, makes every staged account persistent, then queues every
     * staged id that is neither queued nor leased, and makes the queue persistent; returns how many were queued, or
     * -1 (changing nothing) when nothing is staged any more. Staged keys cannot have expired before it runs: staging
     * that took longer than half their life is refused, and Redis for DueCall runs without eviction.
     */
    static final LuaScript COMMIT = new LuaScript("""
            local staged = redis.call('ZCARD', KEYS[3])
            if staged == 0 then return -1 end
            local function window(from)
              local ids = redis.call('ZRANGE', KEYS[3], from, from + 999)
              local replaced = redis.call('SMISMEMBER', KEYS[4], unpack(ids))
              return ids, replaced
            end
            for from = 0, staged - 1, 1000 do
              local ids, replaced = window(from)
              for i = 1, #ids do
                local account = ARGV[1] .. ids[i] .. ARGV[2]
                if replaced[i] == 1 then
                  redis.call('RENAME', ARGV[1] .. ids[i] .. ARGV[3], account)
                end
                redis.call('PERSIST', account)
              end
            end
            redis.call('DEL', KEYS[4])
            local queued = 0
            if redis.call('EXISTS', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[2]) == 0 then
              redis.call('RENAME', KEYS[3], KEYS[1])
              queued = staged
            else
              """ + QUEUE_STAGED + """
            end
            redis.call('PERSIST', KEYS[1])
            return queued
            """);

    /** KEYS: one hash. ARGV: expiry in ms, then field, value pairs. Replaces the hash, expiring, in one step. */
    static final LuaScript STAGE_HASH = new LuaScript("""
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """);

    /**
     * KEYS: a staging ZSET or SET. ARGV: expiry in ms, the score (empty for a SET), then the ids. Adds the ids, with
     * the expiry, in one step.
     */
    static final LuaScript STAGE_MEMBERS = new LuaScript("""
            for from = 3, #ARGV, 1000 do
              local to = math.min(from + 999, #ARGV)
              if ARGV[2] == '' then
                redis.call('SADD', KEYS[1], unpack(ARGV, from, to))
              else
                local args = {}
                for i = from, to do
                  args[#args + 1] = ARGV[2]
                  args[#args + 1] = ARGV[i]
                end
                redis.call('ZADD', KEYS[1], unpack(args))
              end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """);

    /**
     * KEYS[1] queue, KEYS[2] leases, KEYS[3] an import's staging ZSET. Moves the staged ids into the queue, except
     * those leased or already queued (they keep their place), and deletes the staging key. Into an idle campaign
     * that is one RENAME (and a PERSIST: RENAME keeps the staging key's expiry); otherwise the staged ids are walked
     * in windows. Returns how many were queued.
     */
    static final LuaScript MERGE_STAGED = new LuaScript("""
            local staged = redis.call('ZCARD', KEYS[3])
            if staged == 0 then return 0 end
            if redis.call('EXISTS', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[2]) == 0 then
              redis.call('RENAME', KEYS[3], KEYS[1])
              redis.call('PERSIST', KEYS[1])
              return staged
            end
            local queued = 0
            """ + QUEUE_STAGED + """
            return queued
            """);
}
