package io.duecall.adapter.redis;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.DialContext;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** One stream field per attempt component, nulls omitted; money as minor units plus currency, times as ISO-8601. */
public final class AttemptCodec {
    private AttemptCodec() {}

    public static Map<String, String> encode(Attempt attempt) {
        var fields = new LinkedHashMap<String, String>();
        put(fields, "callId", attempt.callId());
        put(fields, "campaign", attempt.campaign().value());
        put(fields, "account", attempt.account().value());
        put(fields, "number", attempt.number().value());
        put(fields, "zone", attempt.zone().getId());
        put(fields, "debtorLocalTime", attempt.debtorLocalTime());
        put(fields, "originatedAt", attempt.originatedAt());
        put(fields, "answeredAt", attempt.answeredAt());
        put(fields, "bridgedAt", attempt.bridgedAt());
        put(fields, "endedAt", attempt.endedAt());
        put(fields, "outcome", attempt.outcome());
        put(fields, "disposition", attempt.disposition());
        put(fields, "agent", attempt.agent());
        put(fields, "abandoned", attempt.abandoned());
        if (attempt.promiseAmount() != null) {
            put(fields, "promiseAmountMinor", attempt.promiseAmount().minor());
            put(fields, "promiseCurrency", attempt.promiseAmount().currency().getCurrencyCode());
        }
        put(fields, "promiseDate", attempt.promiseDate());
        put(fields, "flowVersion", attempt.flowVersion());
        if (attempt.locationCall()) {
            put(fields, "locationCall", true);
        }
        put(fields, "rightParty", attempt.rightParty());
        put(fields, "disclosed", attempt.disclosed());
        put(fields, "timeZones", String.join(";", attempt.timeZones().stream().map(ZoneId::getId).toList()));
        put(fields, "originateAcceptedAt", attempt.originateAcceptedAt());
        if (attempt.test()) {
            put(fields, "test", true);
        }
        if (attempt.dialContext() != null) {
            var c = attempt.dialContext();
            put(fields, "rulesVersion", c.rulesVersion());
            put(fields, "counted7d", c.countedIn7Days());
            put(fields, "connectedToday", c.connectedToday());
            put(fields, "unansweredOnNumberToday", c.unansweredOnNumberToday());
        }
        return fields;
    }

    private static DialContext dialContext(Map<String, String> fields) {
        var version = fields.get("rulesVersion");
        return version == null ? null : new DialContext(version, Integer.parseInt(required(fields, "counted7d")),
                Integer.parseInt(required(fields, "connectedToday")),
                Integer.parseInt(required(fields, "unansweredOnNumberToday")));
    }

    public static Attempt decode(String where, Map<String, String> fields) {
        try {
            var promiseMinor = get(fields, "promiseAmountMinor", Long::parseLong);
            var promiseAmount = promiseMinor == null ? null
                    : new Money(promiseMinor, Currency.getInstance(required(fields, "promiseCurrency")));
            var disposition = Disposition.valueOf(required(fields, "disposition"));
            // Lines written before these fields existed read them from the disposition and the one zone.
            var rightParty = fields.containsKey("rightParty") ? Boolean.parseBoolean(fields.get("rightParty"))
                    : disposition.impliesRightParty();
            var disclosed = fields.containsKey("disclosed") ? Disclosure.valueOf(fields.get("disclosed"))
                    : disposition.impliedDisclosure();
            var zones = fields.containsKey("timeZones")
                    ? java.util.Arrays.stream(fields.get("timeZones").split(";")).map(ZoneId::of).toList()
                    : java.util.List.<ZoneId>of();
            return new Attempt(
                    required(fields, "callId"),
                    new CampaignId(required(fields, "campaign")),
                    new AccountId(required(fields, "account")),
                    new E164(required(fields, "number")),
                    ZoneId.of(required(fields, "zone")),
                    LocalDateTime.parse(required(fields, "debtorLocalTime")),
                    Instant.parse(required(fields, "originatedAt")),
                    get(fields, "answeredAt", Instant::parse),
                    get(fields, "bridgedAt", Instant::parse),
                    Instant.parse(required(fields, "endedAt")),
                    CallOutcome.valueOf(required(fields, "outcome")),
                    disposition,
                    fields.get("agent"),
                    Boolean.parseBoolean(required(fields, "abandoned")),
                    promiseAmount,
                    get(fields, "promiseDate", LocalDate::parse),
                    fields.get("flowVersion"),
                    dialContext(fields),
                    Boolean.parseBoolean(fields.getOrDefault("locationCall", "false")),
                    rightParty, disclosed, zones,
                    get(fields, "originateAcceptedAt", Instant::parse),
                    Boolean.parseBoolean(fields.getOrDefault("test", "false")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("redis: attempt " + where + " is malformed: " + e.getMessage(), e);
        }
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }

    private static <T> T get(Map<String, String> fields, String name, Function<String, T> parse) {
        var value = fields.get(name);
        return value == null ? null : parse.apply(value);
    }

    private static String required(Map<String, String> fields, String name) {
        var value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return value;
    }
}
