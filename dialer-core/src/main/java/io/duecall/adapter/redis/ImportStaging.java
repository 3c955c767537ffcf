package io.duecall.adapter.redis;

import io.duecall.domain.account.Account;
import io.duecall.port.StoreUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Writes a {@link StagedImport}'s chunks: each new account's hash at its own key, each stored account's new fields
 * in a staging hash beside it, the queue entries in the import's staging ZSET and the replaced ids in its SET, every
 * key with its expiry, so nothing written is ever left behind for good.
 */
final class ImportStaging {
    private final UnifiedJedis jedis;
    private final RedisKeys keys;
    private final String importId;
    private final String staging;
    private final String replaced;
    private final Instant eligibleFrom;

    ImportStaging(UnifiedJedis jedis, RedisKeys keys, String importId, String staging, String replaced,
            Instant eligibleFrom) {
        this.jedis = jedis;
        this.keys = keys;
        this.importId = importId;
        this.staging = staging;
        this.replaced = replaced;
        this.eligibleFrom = eligibleFrom;
    }

    /** Stages one chunk of the import: each account's hash and its queue entry, every key expiring. */
    void stage(List<Account> chunk) {
        var exists = Redis.call("check accounts before import", () -> {
            var replies = new ArrayList<Response<Boolean>>();
            try (var pipeline = jedis.pipelined()) {
                chunk.forEach(account -> replies.add(pipeline.exists(keys.account(account.id()))));
                pipeline.sync();
            }
            return replies;
        });
        var ids = new ArrayList<String>(chunk.size());
        var replacedIds = new ArrayList<String>();
        var hashes = new ArrayList<String>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            var id = chunk.get(i).id();
            ids.add(id.value());
            if (exists.get(i).get()) {
                replacedIds.add(id.value());
                hashes.add(keys.stagedAccount(importId, id));
            } else {
                hashes.add(keys.account(id));
            }
        }
        Redis.call("stage import into " + staging, () -> {
            if (Redis.isCluster(jedis)) {
                stagePerKey(chunk, hashes, ids, replacedIds);
            } else {
                stageInOneTransaction(chunk, hashes, ids, replacedIds);
            }
            return null;
        });
    }

    /**
     * Every write of the chunk in one MULTI: a client killed part-way through sending it leaves nothing of the chunk,
     * so no key is ever written without its expiry.
     */
    private void stageInOneTransaction(List<Account> chunk, List<String> hashes, List<String> ids, List<String> replacedIds) {
        long ttl = StagedImport.STAGING_TTL.toMillis();
        try (var tx = jedis.multi()) {
            for (int i = 0; i < chunk.size(); i++) {
                tx.del(hashes.get(i));
                tx.hset(hashes.get(i), AccountCodec.encode(chunk.get(i)));
                tx.pexpire(hashes.get(i), ttl);
            }
            var score = (double) eligibleFrom.toEpochMilli();
            var entries = new HashMap<String, Double>();
            ids.forEach(id -> entries.put(id, score));
            tx.zadd(staging, entries);
            tx.pexpire(staging, ttl);
            if (!replacedIds.isEmpty()) {
                tx.sadd(replaced, replacedIds.toArray(String[]::new));
                tx.pexpire(replaced, ttl);
            }
            var results = tx.exec();
            if (results == null) {
                throw new StoreUnavailableException("redis: staging import into " + staging + " was aborted", null);
            }
            for (var result : results) {
                if (result instanceof Exception e) {
                    throw new StoreUnavailableException("redis: staging import into " + staging + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** A cluster has no transaction across slots: each key is written with its expiry by one script on its slot. */
    private void stagePerKey(List<Account> chunk, List<String> hashes, List<String> ids, List<String> replacedIds) {
        var ttl = Long.toString(StagedImport.STAGING_TTL.toMillis());
        var replies = new ArrayList<Response<Object>>();
        try (var pipeline = jedis.pipelined()) {
            for (int i = 0; i < chunk.size(); i++) {
                var args = new ArrayList<String>();
                args.add(ttl);
                AccountCodec.encode(chunk.get(i)).forEach((field, value) -> {
                    args.add(field);
                    args.add(value);
                });
                replies.add(pipeline.eval(ImportScripts.STAGE_HASH.source(), List.of(hashes.get(i)), args));
            }
            var members = new ArrayList<String>(List.of(ttl, Long.toString(eligibleFrom.toEpochMilli())));
            members.addAll(ids);
            replies.add(pipeline.eval(ImportScripts.STAGE_MEMBERS.source(), List.of(staging), members));
            if (!replacedIds.isEmpty()) {
                var replacedMembers = new ArrayList<String>(List.of(ttl, ""));
                replacedMembers.addAll(replacedIds);
                replies.add(pipeline.eval(ImportScripts.STAGE_MEMBERS.source(), List.of(replaced), replacedMembers));
            }
            pipeline.sync();
        }
        replies.forEach(Response::get);
    }
}
