package io.duecall.adapter.redis;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AccountStore;
import io.duecall.port.StoreUnavailableException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * An import of any size, staged in pipelined chunks as the file is read, that lands all or nothing in the campaign
 * and leaves no trace if it never commits. Every key it writes expires after {@link #STAGING_TTL} until the commit:
 * the queue entries in a ZSET under the campaign's hash tag, each new account's hash at its own key (nothing refers
 * to it until it is queued), each already stored account's new fields in a staging hash beside it, and the ids of
 * those in a SET. One Lua script then commits ({@link ImportScripts#COMMIT}): renames the staging hashes over the stored accounts,
 * makes every account of the import persistent and merges the entries into the queue, skipping leased and already
 * queued ids. Until then the queue, the leases and every stored account are as before; a failed or rejected import
 * deletes what it staged, and one killed part-way is gone once its keys expire. On a Redis Cluster the commit is in
 * steps, see {@link #commitInSteps}. The chunks are written by {@link ImportStaging}.
 */
final class StagedImport implements AccountStore.Import {
    static final int CHUNK = 5_000;
    /** How long staged keys live unless committed: far longer than staging takes (about a minute a million accounts). */
    static final Duration STAGING_TTL = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnifiedJedis jedis;
    private final RedisKeys keys;
    private final CampaignId campaign;
    private final String importId;
    private final String staging;
    private final String replaced;
    private final ImportStaging stager;
    private final long startedNanos = System.nanoTime();
    private final List<Account> pending = new ArrayList<>(CHUNK);
    private boolean anyStaged;
    private boolean committed;

    StagedImport(UnifiedJedis jedis, RedisKeys keys, CampaignId campaign, Instant eligibleFrom) {
        this.jedis = jedis;
        this.keys = keys;
        this.campaign = campaign;
        this.importId = HexFormat.of().formatHex(randomBytes());
        this.staging = keys.importQueue(campaign, importId);
        this.replaced = keys.importReplaced(campaign, importId);
        this.stager = new ImportStaging(jedis, keys, importId, staging, replaced, eligibleFrom);
    }

    @Override
    public void add(Account account) {
        if (committed) {
            throw new IllegalStateException("import into " + campaign + " was committed; start another");
        }
        pending.add(account);
        if (pending.size() == CHUNK) {
            flush();
        }
    }

    @Override
    public void commit() {
        flush();
        if (!anyStaged) {
            committed = true;
            return;
        }
        if (Duration.ofNanos(System.nanoTime() - startedNanos).compareTo(STAGING_TTL.dividedBy(2)) > 0) {
            throw new StoreUnavailableException("redis: import into " + keys.queue(campaign) + " took longer than "
                    + STAGING_TTL.dividedBy(2) + " to stage; its first accounts may have expired, so nothing was stored",
                    null);
        }
        // No clean-up past this point: a lost reply to the commit may hide a commit that happened.
        committed = true;
        if (Redis.isCluster(jedis)) {
            commitInSteps();
            return;
        }
        var queue = keys.queue(campaign);
        // Sent as a blocking command, which waits for its reply however long: a commit of a million accounts keeps
        // Redis busy for seconds, longer than the client's read timeout, and a timed-out reply would hide the commit.
        var reply = Redis.call("commit import into " + queue, () -> jedis.sendBlockingCommand(Protocol.Command.EVAL,
                ImportScripts.COMMIT.source(), "4", queue, keys.leases(campaign), staging, replaced, keys.accountKeyStart(),
                keys.accountKeyEnd(), keys.stagedAccountKeyEnd(importId)));
        if (Long.valueOf(-1).equals(reply)) {
            committed = false;
            throw new StoreUnavailableException("redis: import into " + queue + " found its staging keys gone before "
                    + "its commit; nothing was stored", null);
        }
    }

    @Override
    public void close() {
        pending.clear();
        if (!committed && anyStaged) {
            discard();
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        var chunk = List.copyOf(pending);
        pending.clear();
        anyStaged = true;
        try {
            stager.stage(chunk);
        } catch (RuntimeException e) {
            discard();
            committed = true; // nothing left to discard at close
            throw e;
        }
    }

    /**
     * A cluster cannot rename over accounts in many slots and merge the queue in one step: the staged hashes are
     * renamed over their accounts and every account made persistent first (each command on its account's slot), then
     * the queue is merged. A failure between leaves the replaced accounts' new fields stored and the queue as it was
     * (the new accounts unqueued); the import can be run again.
     */
    private void commitInSteps() {
        var queue = keys.queue(campaign);
        Redis.call("store accounts for import into " + queue + " (queue unchanged)", () -> {
            forEachStagedChunk(ids -> {
                var isReplaced = jedis.smismember(replaced, ids.toArray(String[]::new));
                var replies = new ArrayList<Response<?>>();
                try (var pipeline = jedis.pipelined()) {
                    for (int i = 0; i < ids.size(); i++) {
                        var id = new AccountId(ids.get(i));
                        if (isReplaced.get(i)) {
                            replies.add(pipeline.rename(keys.stagedAccount(importId, id), keys.account(id)));
                        }
                        replies.add(pipeline.persist(keys.account(id)));
                    }
                    pipeline.sync();
                }
                replies.forEach(Response::get);
            });
            return null;
        });
        Redis.call("switch import into " + queue, () -> ImportScripts.MERGE_STAGED.run(jedis,
                List.of(queue, keys.leases(campaign), staging), List.of()));
        Redis.call("drop staging of import into " + queue, () -> jedis.del(replaced));
    }

    /**
     * Deletes the staging hashes and the new accounts' hashes (those still expiring: one that lost its expiry was
     * stored by another import meanwhile), then the staging keys; best effort after a failure: Redis may be the
     * reason, and everything staged expires anyway.
     */
    private void discard() {
        try {
            forEachStagedChunk(ids -> {
                var ttls = new ArrayList<Response<Long>>();
                try (var pipeline = jedis.pipelined()) {
                    for (var raw : ids) {
                        var id = new AccountId(raw);
                        pipeline.del(keys.stagedAccount(importId, id));
                        ttls.add(pipeline.pttl(keys.account(id)));
                    }
                    pipeline.sync();
                }
                try (var pipeline = jedis.pipelined()) {
                    for (int i = 0; i < ids.size(); i++) {
                        if (ttls.get(i).get() > 0) {
                            pipeline.del(keys.account(new AccountId(ids.get(i))));
                        }
                    }
                    pipeline.sync();
                }
            });
            jedis.del(staging);
            jedis.del(replaced);
        } catch (RuntimeException ignored) {
            // The failure being reported is the one that matters; what is left over expires.
        }
    }

    /** Hands the staged ids to {@code step} a chunk at a time, reading the staging ZSET without loading it whole. */
    private void forEachStagedChunk(Consumer<List<String>> step) {
        for (long from = 0; ; from += CHUNK) {
            var first = from;
            var ids = jedis.zrange(staging, first, first + CHUNK - 1);
            if (!ids.isEmpty()) {
                step.accept(ids);
            }
            if (ids.size() < CHUNK) {
                return;
            }
        }
    }

    private static byte[] randomBytes() {
        var bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
