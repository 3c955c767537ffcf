package io.duecall.adapter.redis;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.promise.Payment;
import io.duecall.port.PaymentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link PaymentStore} on Redis: one hash per payment reference and a list of references per account, written by
 * one Lua script that does nothing when the reference is already there.
 */
public final class RedisPaymentStore implements PaymentStore {
    private static final LuaScript RECORD_ONCE = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            for i = 2, #ARGV, 2 do
              redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
            end
            redis.call('RPUSH', KEYS[2], ARGV[1])
            return 1
            """);

    /**
     * KEYS: per payment its hash and its account's list. ARGV: per payment its reference and five field, value
     * pairs. Records each payment whose reference is not there yet, in one step; returns 1 or 0 for each.
     */
    private static final LuaScript RECORD_ALL_ONCE = new LuaScript("""
            local recorded = {}
            for p = 1, #KEYS / 2 do
              local key, list, at = KEYS[2 * p - 1], KEYS[2 * p], 11 * (p - 1)
              if redis.call('EXISTS', key) == 1 then
                recorded[p] = 0
              else
                for i = at + 2, at + 10, 2 do
                  redis.call('HSET', key, ARGV[i], ARGV[i + 1])
                end
                redis.call('RPUSH', list, ARGV[at + 1])
                recorded[p] = 1
              end
            end
            return recorded
            """);

    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    public RedisPaymentStore(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    @Override
    public boolean record(Payment payment) {
        var key = keys.payment(payment.reference());
        var args = new ArrayList<String>();
        args.add(payment.reference());
        encode(payment).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        var reply = Redis.call("record payment " + key,
                () -> RECORD_ONCE.run(jedis, List.of(key, keys.paymentsOf(payment.account())), args));
        return Long.valueOf(1).equals(reply);
    }

    /** One script on the {@code {payments}} slot, so the feed is recorded whole or not at all, on a cluster too. */
    @Override
    public List<Boolean> recordAll(List<Payment> payments) {
        if (payments.isEmpty()) {
            return List.of();
        }
        var keysOf = new ArrayList<String>(payments.size() * 2);
        var args = new ArrayList<String>(payments.size() * 11);
        for (var payment : payments) {
            keysOf.add(keys.payment(payment.reference()));
            keysOf.add(keys.paymentsOf(payment.account()));
            args.add(payment.reference());
            encode(payment).forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
        }
        var reply = (List<?>) Redis.call("record " + payments.size() + " payments",
                () -> RECORD_ALL_ONCE.run(jedis, keysOf, args));
        return reply.stream().map(Long.valueOf(1)::equals).toList();
    }

    @Override
    public List<Payment> forAccount(AccountId account) {
        var listKey = keys.paymentsOf(account);
        var references = Redis.call("read " + listKey, () -> jedis.lrange(listKey, 0, -1));
        var loaded = Redis.call("read payments of " + account, () -> {
            var responses = new ArrayList<Response<Map<String, String>>>();
            try (var pipeline = jedis.pipelined()) {
                references.forEach(reference -> responses.add(pipeline.hgetAll(keys.payment(reference))));
                pipeline.sync();
            }
            return responses;
        });
        var payments = new ArrayList<Payment>(references.size());
        for (int i = 0; i < references.size(); i++) {
            payments.add(decode(keys.payment(references.get(i)), loaded.get(i).get()));
        }
        return payments;
    }

    private static Map<String, String> encode(Payment payment) {
        return Map.of(
                "account", payment.account().value(),
                "amountMinor", Long.toString(payment.amount().minor()),
                "currency", payment.amount().currency().getCurrencyCode(),
                "paidAt", payment.paidAt().toString(),
                "reference", payment.reference());
    }

    private static Payment decode(String key, Map<String, String> fields) {
        try {
            return new Payment(new AccountId(required(fields, "account")),
                    new Money(Long.parseLong(required(fields, "amountMinor")),
                            Currency.getInstance(required(fields, "currency"))),
                    Instant.parse(required(fields, "paidAt")), required(fields, "reference"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("redis: payment hash " + key + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        var value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return value;
    }
}
