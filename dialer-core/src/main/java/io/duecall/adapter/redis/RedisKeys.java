package io.duecall.adapter.redis;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.campaign.CampaignId;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Every Redis key DueCall uses, under one prefix. Keys written together share a hash tag, so each Lua script touches
 * one Redis Cluster slot: a campaign's queue, leases, lease owners and import staging share {@code {c:<campaign>}};
 * an account's hash, history, location-call counts, flags and staged import hash share {@code {a:<account>}}; the
 * promise keys share {@code {promises}}, the payment keys {@code {payments}}, the disposition keys
 * {@code {dispositions}} and the screen pops {@code {desk}}. The attempts streams each carry a tag of their own (one stream per ledger shard,
 * {@code {ledger-<n>}}, or the single {@code attempts} key); the suppression lists are single keys.
 */
public final class RedisKeys {
    public static final String DEFAULT_PREFIX = "duecall";
    /** No glob characters, so {@code prefix + ":*"} matches exactly this key space. */
    private static final Pattern PREFIX_SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = requireValidPrefix(prefix);
    }

    public static RedisKeys defaults() {
        return new RedisKeys(DEFAULT_PREFIX);
    }

    static String requireValidPrefix(String prefix) {
        if (prefix == null || !PREFIX_SHAPE.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "redis.keyPrefix: '" + prefix + "' (expected 1-64 characters of A-Z a-z 0-9 . _ -)");
        }
        return prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** Glob pattern matching every key under this prefix (used by {@link KeyspaceCleaner}). */
    public String everything() {
        return prefix + ":*";
    }

    /** Hash of one account's fields; accounts are shared between campaigns, so they carry their own tag. */
    public String account(AccountId id) {
        return accountKeyStart() + id.value() + accountKeyEnd();
    }

    /** ZSET of queued account ids scored by the epoch millis from which each may be dialled. */
    public String queue(CampaignId campaign) {
        return campaignTag(campaign) + ":queue";
    }

    /** ZSET of leased account ids scored by the epoch millis at which each lease expires. */
    public String leases(CampaignId campaign) {
        return campaignTag(campaign) + ":leases";
    }

    /** Hash from leased account id to the token of the dialer holding the lease. */
    public String leaseOwners(CampaignId campaign) {
        return campaignTag(campaign) + ":lease-owner";
    }

    /** ZSET staging one import's queue entries until its final switch; shares the campaign's hash tag. */
    public String importQueue(CampaignId campaign, String importId) {
        return campaignTag(campaign) + ":import:" + importId;
    }

    /** SET of the ids of one import whose accounts were stored before it (their new fields wait in staging hashes). */
    public String importReplaced(CampaignId campaign, String importId) {
        return campaignTag(campaign) + ":import:" + importId + ":replaced";
    }

    /** What comes before an account id in {@link #account}'s key, for a script that builds account keys from ids. */
    String accountKeyStart() {
        return prefix + ":{a:";
    }

    /** What comes after an account id in {@link #account}'s key. */
    String accountKeyEnd() {
        return "}:account";
    }

    /** What comes after an account id in {@link #stagedAccount}'s key. */
    String stagedAccountKeyEnd(String importId) {
        return "}:import:" + importId;
    }

    /**
     * Hash staging an already stored account's new fields until its import's final switch renames it over the
     * account; it shares the account's hash tag, as RENAME in a cluster needs.
     */
    public String stagedAccount(String importId, AccountId id) {
        return accountKeyStart() + id.value() + stagedAccountKeyEnd(importId);
    }

    /** Stream of every attempt, in append order: the ledger's one stream when it is not sharded. */
    public String attempts() {
        return prefix + ":attempts";
    }

    /**
     * Stream {@code shard} of a ledger kept in {@code shards} streams: {@link #attempts()} for one, else a stream per
     * shard with a hash tag of its own, so a Redis Cluster spreads the ledger's writes over its shards.
     */
    public String attempts(int shard, int shards) {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("ledger shard " + shard + " of " + shards + " (expected 0 <= shard < shards)");
        }
        return shards == 1 ? attempts() : prefix + ":{ledger-" + shard + "}:attempts";
    }

    /** List of one account's attempts, oldest first, kept to the most recent {@code RedisAttemptLedger.HISTORY_LIMIT}. */
    public String history(AccountId account) {
        return accountTag(account) + ":history";
    }

    /** Hash of one account's calls placed and not yet written: call id to the line to write should its node die. */
    public String placedCalls(AccountId account) {
        return accountTag(account) + ":placed";
    }

    /** Hash of one account's location calls: third-party number to calls ever placed to it. Never trimmed. */
    public String locationCalls(AccountId account) {
        return accountTag(account) + ":location-calls";
    }

    /** Hash holding what a running engine's FastAGI server found on {@code doctor}'s loop-back call. */
    public String doctorReport(String callId) {
        return prefix + ":doctor:" + callId;
    }

    /** Hash holding the one promise made on a call. */
    public String promise(String callId) {
        return prefix + ":{promises}:call:" + callId;
    }

    /** List of call ids with a promise, in the order the promises were made. */
    public String promiseLog() {
        return prefix + ":{promises}:log";
    }

    /** ZSET of the call ids of promises still open or partly kept, scored by the epoch day of their pay-by date. */
    public String unsettledPromises() {
        return prefix + ":{promises}:unsettled";
    }

    /** Hash of the amounts promised, in minor units, by {@code <campaign>|<currency>}; kept as promises are recorded. */
    public String promiseTotals() {
        return prefix + ":{promises}:totals";
    }

    /** List of the call ids of one account's promises, in the order they were made. */
    public String promisesOf(AccountId account) {
        return prefix + ":{promises}:account:" + account.value();
    }

    /** Hash of one payment, keyed by the lender's payment reference; its existence makes a feed idempotent. */
    public String payment(String reference) {
        return prefix + ":{payments}:ref:" + reference;
    }

    /** List of one account's payment references, in the order they were recorded. */
    public String paymentsOf(AccountId account) {
        return prefix + ":{payments}:account:" + account.value();
    }

    /** Hash from opted-out E.164 number to when and where it opted out; global to every campaign. */
    public String optOuts() {
        return prefix + ":suppression:opt-out";
    }

    /** The do-not-call list: number to "instant reason source". */
    public String doNotCall() {
        return prefix + ":suppression:do-not-call";
    }

    /** Hash from flag (dispute, bankruptcy, deceased) to when and where it was set; global to every campaign. */
    public String flags(AccountId account) {
        return accountTag(account) + ":flags";
    }

    /** Hash from call id to the agent's disposition of that call, written once. */
    public String dispositions() {
        return prefix + ":{dispositions}";
    }

    /** List of an agent's latest disposed call ids, newest first. */
    public String dispositionsOf(AgentId agent) {
        return prefix + ":{dispositions}:agent:" + agent.value();
    }

    /**
     * Hash of one agent's shared state (state, times, hold, time per state) and its version, which every write
     * compares and increments in one step.
     */
    public String agent(AgentId agent) {
        return prefix + ":agent:" + agent.value();
    }

    /** Hash of one agent's time on one day (in the report zone): activity to milliseconds; expires. */
    public String agentTime(AgentId agent, LocalDate day) {
        return prefix + ":agent-time:" + day + ":" + agent.value();
    }

    /** Hash of an agent's current screen pop: its call id, bridged time and pop; expires unless renewed. */
    public String deskAgent(AgentId agent) {
        return prefix + ":{desk}:agent:" + agent.value();
    }

    /** One call's screen pop (JSON), readable by call id on every node until it expires. */
    public String deskCall(String callId) {
        return prefix + ":{desk}:call:" + callId;
    }

    /** Hash from campaign id to the campaign's definition (JSON) created through the operations API. */
    public String campaignDefinitions() {
        return prefix + ":campaigns:definitions";
    }

    /**
     * Hash of a campaign's learned contact habits: "segment|slot|d", "|a" and "|r" to the dials, answers and
     * right-party contacts in that debtor-local slot; the campaign as a whole is the segment "*".
     */
    public String habits(CampaignId campaign) {
        return campaignTag(campaign) + ":habits";
    }

    private String accountTag(AccountId account) {
        return prefix + ":{a:" + account.value() + "}";
    }

    private String campaignTag(CampaignId campaign) {
        return prefix + ":{c:" + campaign.value() + "}";
    }

    @Override
    public String toString() {
        return "RedisKeys[" + prefix + "]";
    }
}
