package io.duecall.adapter.redis;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AccountStore;
import io.duecall.port.Claim;
import io.duecall.port.StoreUnavailableException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link AccountStore} on Redis: accounts as hashes, and per campaign a queue ZSET scored by eligible time, a lease
 * ZSET scored by expiry and a hash of lease tokens. Claims, releases and finishes are single Lua scripts; the
 * only time they know is the {@code now} they are given.
 */
public final class RedisAccountStore implements AccountStore {
    private static final Logger log = LoggerFactory.getLogger(RedisAccountStore.class);

    private final UnifiedJedis jedis;
    private final RedisKeys keys;
    private final SecureRandom random = new SecureRandom();
    private final String holder;

    public RedisAccountStore(UnifiedJedis jedis, RedisKeys keys) {
        this(jedis, keys, "");
    }

    /**
     * A store whose lease tokens start with {@code holder} and a dot, so the leases one dialer node holds can be
     * told apart (after that node died, say); 1-32 of {@code a-z 0-9 -}, or empty for untagged tokens.
     */
    public RedisAccountStore(UnifiedJedis jedis, RedisKeys keys, String holder) {
        if (!holder.matches("[a-z0-9-]{0,32}")) {
            throw new IllegalArgumentException("holder: '" + holder + "' (expected 0-32 of a-z 0-9 -)");
        }
        this.jedis = jedis;
        this.keys = keys;
        this.holder = holder;
    }

    /** Any size, in pipelined chunks, all or nothing in the campaign: see {@link StagedImport} for the guarantee. */
    @Override
    public Import beginImport(CampaignId campaign, Instant eligibleFrom) {
        return new StagedImport(jedis, keys, campaign, eligibleFrom);
    }

    @Override
    public List<Claim> claim(CampaignId campaign, int max, Instant now, Duration lease) {
        if (max <= 0) {
            throw new IllegalArgumentException("max: " + max + " (expected > 0)");
        }
        var expires = now.plus(lease);
        var tokenBase = (holder.isEmpty() ? "" : holder + ".") + HexFormat.of().formatHex(randomBytes());
        var reply = (List<?>) Redis.call("claim from " + keys.queue(campaign), () -> AccountScripts.CLAIM.run(
                jedis, campaignKeys(campaign),
                List.of(Long.toString(now.toEpochMilli()), Integer.toString(max),
                        Long.toString(expires.toEpochMilli()), tokenBase)));
        if (reply.isEmpty()) {
            return List.of();
        }
        var loaded = loadAccounts(reply);
        var claims = new ArrayList<Claim>();
        for (int i = 0; i < reply.size(); i += 2) {
            var id = (String) reply.get(i);
            var token = (String) reply.get(i + 1);
            var fields = loaded.get(i / 2).get();
            if (fields.isEmpty()) {
                log.warn("Account {} was queued in campaign {} but {} is missing; dropping it from the campaign",
                        id, campaign, keys.account(new AccountId(id)));
                finish(campaign, id, token);
                continue;
            }
            claims.add(new Claim(campaign, AccountCodec.decode(keys.account(new AccountId(id)), fields), token, expires));
        }
        return claims;
    }

    private byte[] randomBytes() {
        var bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private List<Response<Map<String, String>>> loadAccounts(List<?> idsAndTokens) {
        return Redis.call("load claimed accounts", () -> {
            var responses = new ArrayList<Response<Map<String, String>>>();
            try (var pipeline = jedis.pipelined()) {
                for (int i = 0; i < idsAndTokens.size(); i += 2) {
                    responses.add(pipeline.hgetAll(keys.account(new AccountId((String) idsAndTokens.get(i)))));
                }
                pipeline.sync();
            }
            return responses;
        });
    }

    @Override
    public boolean release(Claim claim, Instant nextEligible) {
        var id = claim.account().id().value();
        var reply = Redis.call("release " + id + " in " + keys.queue(claim.campaign()), () -> AccountScripts.RELEASE.run(
                jedis, campaignKeys(claim.campaign()),
                List.of(id, claim.leaseToken(), Long.toString(nextEligible.toEpochMilli()))));
        return Long.valueOf(1).equals(reply);
    }

    @Override
    public boolean renew(Claim claim, Instant expires) {
        var id = claim.account().id().value();
        var reply = Redis.call("renew lease of " + id + " in " + keys.leases(claim.campaign()), () -> AccountScripts.RENEW.run(
                jedis, campaignKeys(claim.campaign()),
                List.of(id, claim.leaseToken(), Long.toString(expires.toEpochMilli()))));
        return Long.valueOf(1).equals(reply);
    }

    @Override
    public boolean finish(Claim claim) {
        return finish(claim.campaign(), claim.account().id().value(), claim.leaseToken());
    }

    private boolean finish(CampaignId campaign, String id, String token) {
        var reply = Redis.call("finish " + id + " in " + keys.queue(campaign), () -> AccountScripts.FINISH.run(
                jedis, campaignKeys(campaign), List.of(id, token)));
        return Long.valueOf(1).equals(reply);
    }

    @Override
    public boolean requeue(CampaignId campaign, AccountId account, Instant eligibleAt) {
        var accountKey = keys.account(account);
        // The account hash lives outside the campaign's slot; accounts are never deleted, so checking first is safe.
        if (!Redis.call("read " + accountKey, () -> jedis.exists(accountKey))) {
            return false;
        }
        var reply = Redis.call("requeue " + account + " in " + keys.queue(campaign), () -> AccountScripts.REQUEUE.run(
                jedis, List.of(keys.queue(campaign), keys.leases(campaign)),
                List.of(account.value(), Long.toString(eligibleAt.toEpochMilli()))));
        return Long.valueOf(1).equals(reply);
    }

    @Override
    public void remove(CampaignId campaign, AccountId account) {
        Redis.call("remove " + account + " from " + keys.queue(campaign),
                () -> AccountScripts.REMOVE.run(jedis, campaignKeys(campaign), List.of(account.value())));
    }

    /** Pipelined EXISTS, one round trip per {@link StagedImport#CHUNK} ids. */
    @Override
    public Set<AccountId> stored(Collection<AccountId> ids) {
        var all = List.copyOf(ids);
        var stored = new HashSet<AccountId>();
        for (int from = 0; from < all.size(); from += StagedImport.CHUNK) {
            var chunk = all.subList(from, Math.min(from + StagedImport.CHUNK, all.size()));
            var replies = Redis.call("check accounts exist", () -> {
                var responses = new ArrayList<Response<Boolean>>();
                try (var pipeline = jedis.pipelined()) {
                    chunk.forEach(id -> responses.add(pipeline.exists(keys.account(id))));
                    pipeline.sync();
                }
                return responses;
            });
            for (int i = 0; i < chunk.size(); i++) {
                if (replies.get(i).get()) {
                    stored.add(chunk.get(i));
                }
            }
        }
        return stored;
    }

    @Override
    public Optional<Account> find(AccountId id) {
        var key = keys.account(id);
        var fields = Redis.call("read " + key, () -> jedis.hgetAll(key));
        return fields.isEmpty() ? Optional.empty() : Optional.of(AccountCodec.decode(key, fields));
    }

    @Override
    public long queued(CampaignId campaign) {
        return Redis.call("count " + keys.queue(campaign), () -> jedis.zcard(keys.queue(campaign)));
    }

    @Override
    public long leased(CampaignId campaign) {
        return Redis.call("count " + keys.leases(campaign), () -> jedis.zcard(keys.leases(campaign)));
    }

    @Override
    public Optional<Instant> nextEligible(CampaignId campaign) {
        var head = Redis.call("read head of " + keys.queue(campaign), () -> jedis.zrangeWithScores(keys.queue(campaign), 0, 0));
        return head.stream().findFirst().map(tuple -> Instant.ofEpochMilli((long) tuple.getScore()));
    }

    /** The accounts of a campaign that the node named {@code holder} holds leased now, with each lease's expiry. */
    public Map<AccountId, Instant> leasesHeldBy(CampaignId campaign, String holder) {
        var owners = Redis.call("read " + keys.leaseOwners(campaign), () -> jedis.hgetAll(keys.leaseOwners(campaign)));
        var held = new TreeMap<AccountId, Instant>(Comparator.comparing(AccountId::value));
        owners.forEach((id, token) -> {
            if (token.startsWith(holder + ".")) {
                var expiry = Redis.call("read " + keys.leases(campaign), () -> jedis.zscore(keys.leases(campaign), id));
                if (expiry != null) {
                    held.put(new AccountId(id), Instant.ofEpochMilli(expiry.longValue()));
                }
            }
        });
        return held;
    }

    private List<String> campaignKeys(CampaignId campaign) {
        return List.of(keys.queue(campaign), keys.leases(campaign), keys.leaseOwners(campaign));
    }
}
