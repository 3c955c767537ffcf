package io.duecall.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.DispositionRecord;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.DispositionLog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link DispositionLog} on Redis: one hash from call id to the record as flat JSON (money as minor units and
 * currency, times as ISO-8601), and per agent a capped list of call ids, both written in one Lua step that refuses a
 * second disposition of the same call.
 */
public final class RedisDispositionLog implements DispositionLog {
    /** How many call ids each agent's list keeps; the hash keeps every record. */
    static final int PER_AGENT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LuaScript RECORD = new LuaScript("""
            if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
            redis.call('LPUSH', KEYS[2], ARGV[1])
            redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
            return 1
            """);
    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    public RedisDispositionLog(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    @Override
    public boolean record(DispositionRecord record) {
        var encoded = encode(record);
        var stored = Redis.call("record disposition of " + record.callId(), () -> RECORD.run(jedis,
                List.of(keys.dispositions(), keys.dispositionsOf(record.agent())),
                List.of(record.callId(), encoded, Integer.toString(PER_AGENT))));
        return Long.valueOf(1).equals(stored);
    }

    @Override
    public Optional<DispositionRecord> find(String callId) {
        var value = Redis.call("read " + keys.dispositions(), () -> jedis.hget(keys.dispositions(), callId));
        return Optional.ofNullable(value).map(v -> decode(callId, v));
    }

    @Override
    public List<DispositionRecord> latest(AgentId agent, int max) {
        if (max <= 0) {
            return List.of();
        }
        var ids = Redis.call("read " + keys.dispositionsOf(agent),
                () -> jedis.lrange(keys.dispositionsOf(agent), 0, max - 1));
        if (ids.isEmpty()) {
            return List.of();
        }
        var values = Redis.call("read " + keys.dispositions(),
                () -> jedis.hmget(keys.dispositions(), ids.toArray(String[]::new)));
        var found = new ArrayList<DispositionRecord>();
        for (int i = 0; i < ids.size(); i++) {
            if (values.get(i) != null) {
                found.add(decode(ids.get(i), values.get(i)));
            }
        }
        return List.copyOf(found);
    }

    static String encode(DispositionRecord r) {
        var d = r.disposition();
        var fields = new LinkedHashMap<String, String>();
        fields.put("callId", r.callId());
        fields.put("agent", r.agent().value());
        fields.put("campaign", r.campaign().value());
        fields.put("account", r.account().value());
        fields.put("outcome", d.outcome().name());
        if (d.amount() != null) {
            fields.put("amountMinor", Long.toString(d.amount().minor()));
            fields.put("currency", d.amount().currency().getCurrencyCode());
        }
        if (d.payBy() != null) {
            fields.put("payBy", d.payBy().toString());
        }
        if (d.callbackAt() != null) {
            fields.put("callbackAt", d.callbackAt().toString());
        }
        fields.put("at", r.at().toString());
        fields.put("onLedgerLine", Boolean.toString(r.onLedgerLine()));
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("disposition of " + r.callId() + " could not be written: " + e.getMessage(), e);
        }
    }

    static DispositionRecord decode(String callId, String value) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> f = JSON.readValue(value, Map.class);
            var amount = f.get("amountMinor") == null ? null
                    : new Money(Long.parseLong(f.get("amountMinor")), Currency.getInstance(f.get("currency")));
            var disposition = new AgentDisposition(AgentDisposition.Outcome.valueOf(f.get("outcome")), amount,
                    f.get("payBy") == null ? null : LocalDate.parse(f.get("payBy")),
                    f.get("callbackAt") == null ? null : Instant.parse(f.get("callbackAt")));
            return new DispositionRecord(f.get("callId"), new AgentId(f.get("agent")), new CampaignId(f.get("campaign")),
                    new AccountId(f.get("account")), disposition, Instant.parse(f.get("at")),
                    Boolean.parseBoolean(f.get("onLedgerLine")));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("redis: disposition of call " + callId + " is malformed: " + e.getMessage(), e);
        }
    }
}
