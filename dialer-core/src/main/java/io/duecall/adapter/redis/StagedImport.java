package io.duecall.adapter.redis;

import io.duecall.domain.account.Account;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.StoreUnavailableException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * An import of any size in pipelined chunks that still lands all or nothing in the campaign. Chunks stage the queue
 * entries in a ZSET under the campaign's hash tag and write each account's hash: directly when no such account is
 * stored yet (nothing refers to it until it is queued), else to a staging hash. One final MULTI then renames the
 * staging hashes over the stored accounts and merges the staged entries into the queue, skipping leased and
 * already queued ids ({@link AccountScripts#MERGE_STAGED}). Until that EXEC the queue, the leases and every stored account are as before (only hashes of
 * accounts not stored before may exist, unqueued); if staging fails, those and the staging keys are deleted (best
 * effort; staging keys also expire after a day). On a Redis Cluster the final switch is two steps, see
 * {@link #switchOverInSteps}.
 */
final class StagedImport {
    static final int CHUNK = 5_000;
    private static final long STAGING_TTL_SECONDS = 86_400;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    StagedImport(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    void run(CampaignId campaign, List<Account> accounts, Instant eligibleFrom) {
        var importId = HexFormat.of().formatHex(randomBytes());
        var staging = keys.importQueue(campaign, importId);
        var replaced = new ArrayList<Account>();
        var created = new ArrayList<String>();
        try {
            for (int from = 0; from < accounts.size(); from += CHUNK) {
                stageChunk(accounts.subList(from, Math.min(from + CHUNK, accounts.size())), importId, staging,
                        eligibleFrom, replaced, created);
            }
        } catch (RuntimeException e) {
            discard(staging, created);
            throw e;
        }
        // No clean-up past this point: a lost reply to the final EXEC may hide a switch that happened.
        switchOver(campaign, importId, staging, replaced);
    }

    private void stageChunk(List<Account> chunk, String importId, String staging, Instant eligibleFrom,
            List<Account> replaced, List<String> created) {
        var exists = Redis.call("check accounts before import", () -> {
            var replies = new ArrayList<Response<Boolean>>();
            try (var pipeline = jedis.pipelined()) {
                chunk.forEach(account -> replies.add(pipeline.exists(keys.account(account.id()))));
                pipeline.sync();
            }
            return replies;
        });
        var score = (double) eligibleFrom.toEpochMilli();
        var entries = new HashMap<String, Double>();
        Redis.call("stage import into " + staging, () -> {
            try (var pipeline = jedis.pipelined()) {
                for (int i = 0; i < chunk.size(); i++) {
                    var account = chunk.get(i);
                    var fields = AccountCodec.encode(account);
                    if (exists.get(i).get()) {
                        var key = keys.stagedAccount(importId, account.id());
                        pipeline.del(key);
                        pipeline.hset(key, fields);
                        pipeline.expire(key, STAGING_TTL_SECONDS);
                        replaced.add(account);
                        created.add(key);
                    } else {
                        var key = keys.account(account.id());
                        pipeline.hset(key, fields);
                        created.add(key);
                    }
                    entries.put(account.id().value(), score);
                }
                pipeline.zadd(staging, entries);
                pipeline.expire(staging, STAGING_TTL_SECONDS);
                pipeline.sync();
            }
            return null;
        });
    }

    private void switchOver(CampaignId campaign, String importId, String staging, List<Account> replaced) {
        if (Redis.isCluster(jedis)) {
            switchOverInSteps(campaign, importId, staging, replaced);
            return;
        }
        var queue = keys.queue(campaign);
        var results = Redis.call("switch import into " + queue, () -> {
            try (var tx = jedis.multi()) {
                for (var account : replaced) {
                    tx.rename(keys.stagedAccount(importId, account.id()), keys.account(account.id()));
                }
                tx.eval(AccountScripts.MERGE_STAGED.source(), List.of(queue, keys.leases(campaign), staging), List.of());
                return tx.exec();
            }
        });
        if (results == null) {
            throw new StoreUnavailableException("redis: import into " + queue + " was aborted", null);
        }
        for (var result : results) {
            if (result instanceof Exception e) {
                throw new StoreUnavailableException("redis: import into " + queue
                        + " partly failed inside its final transaction: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A cluster cannot rename over accounts in many slots and merge the queue in one transaction: the staged hashes
     * are renamed over their accounts first (each RENAME on its account's slot), then the queue is merged. A failure
     * between leaves the replaced accounts' new fields stored and the queue as it was; the import can be run again.
     */
    private void switchOverInSteps(CampaignId campaign, String importId, String staging, List<Account> replaced) {
        var queue = keys.queue(campaign);
        Redis.call("replace stored accounts for import into " + queue + " (queue unchanged)", () -> {
            for (int from = 0; from < replaced.size(); from += CHUNK) {
                var replies = new ArrayList<Response<String>>();
                try (var pipeline = jedis.pipelined()) {
                    for (var account : replaced.subList(from, Math.min(from + CHUNK, replaced.size()))) {
                        replies.add(pipeline.rename(keys.stagedAccount(importId, account.id()), keys.account(account.id())));
                    }
                    pipeline.sync();
                }
                replies.forEach(Response::get);
            }
            return null;
        });
        Redis.call("switch import into " + queue, () -> AccountScripts.MERGE_STAGED.run(jedis,
                List.of(queue, keys.leases(campaign), staging), List.of()));
    }

    /** Deletes the unqueued new accounts and staging hashes; best effort after a failure: Redis may be the reason, and the staging keys expire anyway. */
    private void discard(String staging, List<String> created) {
        try {
            if (Redis.isCluster(jedis)) {
                // One DEL may not span slots in a cluster, and the new accounts are each in their own.
                created.forEach(jedis::del);
            } else {
                for (int from = 0; from < created.size(); from += CHUNK) {
                    jedis.del(created.subList(from, Math.min(from + CHUNK, created.size())).toArray(String[]::new));
                }
            }
            jedis.del(staging);
        } catch (RuntimeException ignored) {
            // The failure being reported is the one that matters; what is left over expires or is unreferenced.
        }
    }

    private static byte[] randomBytes() {
        var bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
