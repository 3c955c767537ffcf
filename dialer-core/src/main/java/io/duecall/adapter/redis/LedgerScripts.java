package io.duecall.adapter.redis;

/**
 * The Lua scripts behind {@link RedisAttemptLedger}. An append whose call already has an entry among the account's
 * latest history entries (every entry ends in its call id) writes nothing: a retry after a lost reply, a line
 * replayed from the journal, or the real line of a call already written as interrupted. So each call has one line.
 */
final class LedgerScripts {
    /** How far back in an account's history an earlier line of the same call is looked for. */
    static final int RETRY_WINDOW = 64;

    /**
     * Ends the script with 0 when the history's latest entries hold ARGV[1]'s call id (an earlier append stored it),
     * forgetting the call's placed record (KEYS[3]) either way once written.
     */
    private static final String SEEN = """
            local _, _, call = string.find(ARGV[1], '^[^|]*|[^|]*|[^|]*|[^|]*|[^|]*|(.*)$')
            local tail = call and ('|' .. call) or ARGV[1]
            local function written()
              if call then redis.call('HDEL', KEYS[3], call) end
            end
            for _, seen in ipairs(redis.call('LRANGE', KEYS[1], -%d, -1)) do
              if seen == ARGV[1] or (#seen >= #tail and string.sub(seen, -#tail) == tail) then
                written()
                return 0
              end
            end
            """.formatted(RETRY_WINDOW);

    private static final String WRITE_HISTORY = """
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
            if ARGV[3] ~= '' then
              redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
            end
            """;

    private LedgerScripts() {}

    /**
     * One Redis: the whole append at once. KEYS: history, location calls, placed calls, attempts stream. ARGV: history entry,
     * history limit, location number or empty, then the line's field, value pairs. Returns 1, or 0 for a retry
     * of an append that was stored (history and line both, so neither is written again). The line goes first: a
     * script stopped by an error keeps what it wrote, and a failed XADD must leave no history behind.
     */
    static final LuaScript APPEND = new LuaScript(SEEN + """
            redis.call('XADD', KEYS[4], '*', unpack(ARGV, 4))
            """ + WRITE_HISTORY + """
            written()
            return 1
            """);

    /**
     * A cluster's first step, on the account's slot. KEYS: history, location calls, placed calls. ARGV: history entry, history
     * limit, location number or empty. Returns 1, or 0 when an earlier try stored it.
     */
    static final LuaScript HISTORY_ONLY = new LuaScript(SEEN + WRITE_HISTORY + """
            written()
            return 1
            """);

    /**
     * A cluster's second step, on the stream's slot. KEYS: attempts stream. ARGV: how many of the latest lines
     * to look through (0: none), the call id, then the line's field, value pairs. Adds the line unless one of the
     * latest lines has the call id; returns 1 or 0.
     */
    static final LuaScript LINE = new LuaScript("""
            local window = tonumber(ARGV[1])
            if window > 0 then
              for _, line in ipairs(redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', window)) do
                local fields = line[2]
                for i = 1, #fields, 2 do
                  if fields[i] == 'callId' and fields[i + 1] == ARGV[2] then return 0 end
                end
              end
            end
            redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3))
            return 1
            """);
}
