package io.duecall.adapter.redis;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A promise and its status as a flat Redis hash: money as minor units plus currency code, dates and instants as
 * ISO-8601. A hash written before promises had a status reads as open with nothing paid.
 */
public final class PromiseCodec {
    private PromiseCodec() {}

    public static Map<String, String> encode(PromiseToPay promise) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("callId", promise.callId());
        fields.put("account", promise.account().value());
        fields.put("campaign", promise.campaign().value());
        fields.put("amountMinor", Long.toString(promise.amount().minor()));
        fields.put("currency", promise.amount().currency().getCurrencyCode());
        fields.put("payBy", promise.payBy().toString());
        fields.put("promisedAt", promise.promisedAt().toString());
        return fields;
    }

    static Map<String, String> encode(PromiseStatus status) {
        var fields = encode(status.promise());
        fields.putAll(encodeProgress(status));
        return fields;
    }

    /** The fields that change as the promise is paid or settled. */
    static Map<String, String> encodeProgress(PromiseStatus status) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("state", status.state().name());
        fields.put("paidMinor", Long.toString(status.paid().minor()));
        fields.put("changedAt", status.changedAt().toString());
        // Always written, so a status without a note never keeps an older one's.
        fields.put("note", status.note() == null ? "" : status.note());
        return fields;
    }

    static PromiseStatus decodeStatus(String key, Map<String, String> fields) {
        var promise = decode(key, fields);
        try {
            var state = fields.get("state");
            var paid = fields.get("paidMinor");
            var changedAt = fields.get("changedAt");
            return new PromiseStatus(promise, state == null ? PromiseState.OPEN : PromiseState.valueOf(state),
                    new Money(paid == null ? 0 : Long.parseLong(paid), promise.amount().currency()),
                    changedAt == null ? promise.promisedAt() : Instant.parse(changedAt),
                    fields.get("note") == null || fields.get("note").isEmpty() ? null : fields.get("note"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("redis: promise hash " + key + " is malformed: " + e.getMessage(), e);
        }
    }

    public static PromiseToPay decode(String key, Map<String, String> fields) {
        try {
            return new PromiseToPay(
                    required(fields, "callId"),
                    new AccountId(required(fields, "account")),
                    new CampaignId(required(fields, "campaign")),
                    new Money(Long.parseLong(required(fields, "amountMinor")),
                            Currency.getInstance(required(fields, "currency"))),
                    LocalDate.parse(required(fields, "payBy")),
                    Instant.parse(required(fields, "promisedAt")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("redis: promise hash " + key + " is malformed: " + e.getMessage(), e);
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
