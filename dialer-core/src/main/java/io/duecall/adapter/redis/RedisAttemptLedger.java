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
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link AttemptLedger} as Redis Streams (one XADD per attempt, read back in pages with XRANGE), a capped list per
 * account that the contact rules read and, for location calls, a per-account hash of calls by third-party number
 * that is never trimmed. On one Redis a single Lua script writes all three; on a Redis Cluster the account's two
 * keys (one slot) are written first and the line second, each step atomic. A retry after a lost reply writes
 * nothing twice on one Redis; on a cluster the line is looked for among the latest {@link #RETRY_LINES} first.
 * The lines are kept in {@code shards} streams, an account's always in the same one (by the hash of its id): one
 * stream on a single Redis, {@link #CLUSTER_SHARDS} on a Redis Cluster, each with a hash tag of its own so the
 * cluster's shards share the ledger's writes. Readers read every stream and merge them by entry id (append order).
 */
public final class RedisAttemptLedger implements AttemptLedger {
    /** Attempts kept per account: far more than 30 days of the strictest caps allow. */
    static final int HISTORY_LIMIT = 500;
    /** On a cluster, how many of the latest lines a retried append looks through for its call id. */
    static final int RETRY_LINES = 2_000;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, String>> FIELDS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    /** Ledger streams on a Redis Cluster: enough to spread the writes over any likely number of shards. */
    public static final int CLUSTER_SHARDS = 16;

    private final UnifiedJedis jedis;
    private final RedisKeys keys;
    private final List<String> shards;
    private final List<String> streams;
    private final LedgerStreamScan scan;

    /** The ledger in as many streams as {@link #shardsFor} says for this Redis. */
    public RedisAttemptLedger(UnifiedJedis jedis, RedisKeys keys) {
        this(jedis, keys, shardsFor(jedis));
    }

    public RedisAttemptLedger(UnifiedJedis jedis, RedisKeys keys, int shards) {
        this.jedis = jedis;
        this.keys = keys;
        this.shards = streams(keys, shards);
        // A sharded ledger still reads (and ships) the one stream a single-stream ledger wrote before, so lines
        // written by an older build on the same Redis are neither hidden nor left unshipped. It is read first: its
        // lines were appended before any shard's, which matters where entry ids tie (the same millisecond).
        this.streams = shards == 1 ? this.shards : concat(keys.attempts(), this.shards);
        this.scan = new LedgerStreamScan(jedis, streams);
    }

    /** One stream on a single Redis (the key it always had), {@link #CLUSTER_SHARDS} on a Redis Cluster. */
    public static int shardsFor(UnifiedJedis jedis) {
        return Redis.isCluster(jedis) ? CLUSTER_SHARDS : 1;
    }

    static List<String> streams(RedisKeys keys, int shards) {
        var names = new ArrayList<String>(shards);
        for (int i = 0; i < shards; i++) {
            names.add(keys.attempts(i, shards));
        }
        return List.copyOf(names);
    }

    private static List<String> concat(String first, List<String> rest) {
        var all = new ArrayList<String>();
        all.add(first);
        all.addAll(rest);
        return List.copyOf(all);
    }

    /**
     * The streams the ledger is read from: sharded, the single stream of an older build first (only read: nothing is
     * appended to it), then shard 0 onwards.
     */
    public List<String> streams() {
        return streams;
    }

    /** The stream the account's lines go to. */
    String streamOf(AccountId account) {
        return shards.get(Math.floorMod(account.value().hashCode(), shards.size()));
    }

    @Override
    public void append(Attempt attempt) {
        var key = streamOf(attempt.account());
        var historyKeys = List.of(keys.history(attempt.account()), keys.locationCalls(attempt.account()),
                keys.placedCalls(attempt.account()));
        var historyArgs = List.of(PastAttemptCodec.encode(PastAttempt.of(attempt), attempt.callId()), Integer.toString(HISTORY_LIMIT),
                attempt.locationCall() ? attempt.number().value() : "");
        var line = new ArrayList<String>();
        AttemptCodec.encode(attempt).forEach((field, value) -> {
            line.add(field);
            line.add(value);
        });
        if (!Redis.isCluster(jedis)) {
            var keysOfAll = new ArrayList<>(historyKeys);
            keysOfAll.add(key);
            var args = new ArrayList<>(historyArgs);
            args.addAll(line);
            Redis.call("append to " + key, () -> LedgerScripts.APPEND.run(jedis, keysOfAll, args));
            return;
        }
        // A cluster keeps the history on the account's slot and the stream on its own: history first, so a call
        // the line is lost for (the node dies between the two) still counts for the contact rules.
        var stored = Redis.call("append to " + historyKeys.getFirst(),
                () -> LedgerScripts.HISTORY_ONLY.run(jedis, historyKeys, historyArgs));
        var args = new ArrayList<String>();
        args.add(Long.valueOf(0).equals(stored) ? Integer.toString(RETRY_LINES) : "0");
        args.add(attempt.callId());
        args.addAll(line);
        Redis.call("append to " + key, () -> LedgerScripts.LINE.run(jedis, List.of(key), args));
    }

    @Override
    public void placed(Attempt ifInterrupted) {
        var key = keys.placedCalls(ifInterrupted.account());
        var encoded = encode(ifInterrupted);
        Redis.call("record placed call in " + key, () -> jedis.hset(key, ifInterrupted.callId(), encoded));
    }

    @Override
    public void notPlaced(AccountId account, String callId) {
        var key = keys.placedCalls(account);
        Redis.call("forget placed call in " + key, () -> jedis.hdel(key, callId));
    }

    @Override
    public List<Attempt> unwritten(AccountId account) {
        var key = keys.placedCalls(account);
        var stored = Redis.call("read " + key, () -> jedis.hgetAll(key));
        var lines = new ArrayList<Attempt>();
        stored.forEach((callId, encoded) -> lines.add(decode(key + " field " + callId, encoded)));
        lines.sort(java.util.Comparator.comparing(Attempt::originatedAt));
        return lines;
    }

    private static String encode(Attempt attempt) {
        try {
            return JSON.writeValueAsString(AttemptCodec.encode(attempt));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalStateException("call " + attempt.callId() + " cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static Attempt decode(String where, String encoded) {
        try {
            Map<String, String> fields = JSON.readValue(encoded, FIELDS);
            return AttemptCodec.decode(where, fields);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalStateException("redis: " + where + " is malformed: " + e.getMessage(), e);
        }
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
    public List<PastAttempt> latest(AccountId account, int max) {
        if (max <= 0) {
            return List.of();
        }
        var historyKey = keys.history(account);
        var entries = Redis.call("read " + historyKey, () -> jedis.lrange(historyKey, -max, -1));
        return entries.stream().map(entry -> PastAttemptCodec.decode(historyKey, entry)).toList();
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
    public List<Attempt> endedSince(Instant since) {
        return scan.endedSince(since);
    }

    @Override
    public void forEachEndedSince(Instant since, java.util.function.Consumer<Attempt> sink) {
        scan.forEachEndedSince(since, sink);
    }

    @Override
    public List<Attempt> readAll() {
        return scan.readAll();
    }

    @Override
    public long size() {
        return scan.size();
    }
}
