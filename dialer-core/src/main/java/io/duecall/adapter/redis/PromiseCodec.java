package io.duecall.adapter.redis;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/** A promise as a flat Redis hash: money as minor units plus currency code, dates and instants as ISO-8601. */
final class PromiseCodec {
    private PromiseCodec() {}

    static Map<String, String> encode(PromiseToPay promise) {
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

    static PromiseToPay decode(String key, Map<String, String> fields) {
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
