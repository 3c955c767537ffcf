package io.duecall.adapter.redis;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.PromiseStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link PromiseStore} on Redis: one hash per call, a list of calls in promise order, a list per account and a ZSET
 * of unsettled promises by pay-by day. Recording and status changes are single Lua scripts on the {@code {promises}}
 * slot. Durable as far as Redis is: deployments run Redis with {@code appendonly yes}.
 */
public final class RedisPromiseStore implements PromiseStore {
    private static final int PAGE = 500;

    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    public RedisPromiseStore(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    @Override
    public PromiseToPay record(PromiseToPay promise) {
        var key = keys.promise(promise.callId());
        var args = new ArrayList<String>();
        args.add(promise.callId());
        args.add(Long.toString(promise.payBy().toEpochDay()));
        args.add(totalsField(promise.campaign(), promise.amount().currency()));
        args.add(Long.toString(promise.amount().minor()));
        PromiseCodec.encode(PromiseStatus.open(promise)).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        var reply = (List<?>) Redis.call("record promise in " + key, () -> PromiseScripts.RECORD_ONCE.run(jedis,
                List.of(key, keys.promiseLog(), keys.unsettledPromises(), keys.promisesOf(promise.account()),
                keys.promiseTotals()), args));
        var stored = new HashMap<String, String>();
        for (int i = 0; i < reply.size(); i += 2) {
            stored.put((String) reply.get(i), (String) reply.get(i + 1));
        }
        return PromiseCodec.decode(key, stored);
    }

    /** From the running totals the record script keeps, without reading a promise. */
    @Override
    public Map<CampaignId, Map<Currency, Long>> promisedTotals() {
        var key = keys.promiseTotals();
        var fields = Redis.call("read " + key, () -> jedis.hgetAll(key));
        var totals = new TreeMap<CampaignId, Map<Currency, Long>>(Comparator.comparing(CampaignId::value));
        fields.forEach((field, minor) -> {
            int bar = field.lastIndexOf('|');
            try {
                totals.computeIfAbsent(new CampaignId(field.substring(0, bar)),
                        c -> new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode)))
                        .put(Currency.getInstance(field.substring(bar + 1)), Long.parseLong(minor));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalStateException("redis: " + key + " field '" + field + "' = '" + minor
                        + "' is malformed (expected campaign|currency = minor units): " + e.getMessage(), e);
            }
        });
        return totals;
    }

    private static String totalsField(CampaignId campaign, Currency currency) {
        return campaign.value() + "|" + currency.getCurrencyCode();
    }

    @Override
    public Optional<PromiseToPay> forCall(String callId) {
        return status(callId).map(PromiseStatus::promise);
    }

    @Override
    public List<PromiseToPay> all() {
        return statuses().stream().map(PromiseStatus::promise).toList();
    }

    @Override
    public Optional<PromiseStatus> status(String callId) {
        var key = keys.promise(callId);
        var fields = Redis.call("read " + key, () -> jedis.hgetAll(key));
        return fields.isEmpty() ? Optional.empty() : Optional.of(PromiseCodec.decodeStatus(key, fields));
    }

    @Override
    public List<PromiseStatus> statuses() {
        var statuses = new ArrayList<PromiseStatus>();
        for (long start = 0; ; start += PAGE) {
            var from = start;
            var callIds = Redis.call("read " + keys.promiseLog(),
                    () -> jedis.lrange(keys.promiseLog(), from, from + PAGE - 1));
            statuses.addAll(load(callIds));
            if (callIds.size() < PAGE) {
                return statuses;
            }
        }
    }

    @Override
    public List<PromiseToPay> latestOf(AccountId account, int max) {
        if (max <= 0) {
            return List.of();
        }
        var key = keys.promisesOf(account);
        var callIds = Redis.call("read " + key, () -> jedis.lrange(key, -max, -1));
        return load(callIds).stream().map(PromiseStatus::promise).toList();
    }

    @Override
    public List<PromiseStatus> unsettled(AccountId account) {
        var key = keys.promisesOf(account);
        var callIds = Redis.call("read " + key, () -> jedis.lrange(key, 0, -1));
        return load(callIds).stream().filter(status -> !status.state().isFinal()).toList();
    }

    @Override
    public List<PromiseStatus> unsettledDueBy(LocalDate lastPayBy) {
        var key = keys.unsettledPromises();
        var callIds = Redis.call("read " + key, () -> jedis.zrangeByScore(key, Double.NEGATIVE_INFINITY,
                (double) lastPayBy.toEpochDay()));
        return load(callIds).stream().filter(status -> !status.state().isFinal()).toList();
    }

    @Override
    public List<String> unsettledCallsDueBy(LocalDate lastPayBy) {
        var key = keys.unsettledPromises();
        return Redis.call("read " + key, () -> jedis.zrangeByScore(key, Double.NEGATIVE_INFINITY,
                (double) lastPayBy.toEpochDay()));
    }

    @Override
    public boolean update(PromiseStatus expected, PromiseStatus next) {
        if (!expected.callId().equals(next.callId())) {
            throw new IllegalArgumentException("next.callId: '" + next.callId() + "' (expected '" + expected.callId() + "')");
        }
        var key = keys.promise(next.callId());
        var args = new ArrayList<String>();
        args.add(next.callId());
        args.add(next.state().isFinal() ? "1" : "0");
        // ARGV[3..5]: what the script compares with the stored state, paid amount and time of change.
        args.add(expected.state().name());
        args.add(Long.toString(expected.paid().minor()));
        args.add(expected.changedAt().toString());
        PromiseCodec.encodeProgress(next).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        var reply = Redis.call("update " + key, () -> PromiseScripts.COMPARE_AND_SET.run(jedis,
                List.of(key, keys.unsettledPromises()), args));
        return Long.valueOf(1).equals(reply);
    }

    private List<PromiseStatus> load(List<String> callIds) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        var loaded = Redis.call("read promises", () -> {
            var responses = new ArrayList<Response<Map<String, String>>>();
            try (var pipeline = jedis.pipelined()) {
                callIds.forEach(callId -> responses.add(pipeline.hgetAll(keys.promise(callId))));
                pipeline.sync();
            }
            return responses;
        });
        var statuses = new ArrayList<PromiseStatus>(callIds.size());
        for (int i = 0; i < callIds.size(); i++) {
            statuses.add(PromiseCodec.decodeStatus(keys.promise(callIds.get(i)), loaded.get(i).get()));
        }
        return statuses;
    }
}
