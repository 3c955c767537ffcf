package io.duecall.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duecall.domain.account.E164;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.ScreenPop;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A screen pop as one small JSON object. The account, its promises and its attempts are written with the codecs of
 * their own stores, so they read back exactly as those stores read them; errors name the key.
 */
final class ScreenPopCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScreenPopCodec() {}

    static String encode(ScreenPop pop) {
        var root = JSON.createObjectNode();
        root.put("callId", pop.callId());
        root.put("agent", pop.agent().value());
        root.put("campaign", pop.campaign().value());
        root.set("account", JSON.valueToTree(AccountCodec.encode(pop.account())));
        root.put("debtorZone", pop.debtorZone().getId());
        root.put("bridgedAt", pop.bridgedAt().toString());
        var path = root.putArray("ivrPath");
        pop.ivrPath().forEach(path::add);
        var promises = root.putArray("promises");
        pop.promises().forEach(p -> promises.add(JSON.valueToTree(PromiseCodec.encode(p))));
        var attempts = root.putArray("attempts");
        pop.attempts().forEach(a -> attempts.add(PastAttemptCodec.encode(a, pop.callId())));
        root.put("number", pop.number().value());
        root.put("promiseHorizonDays", pop.promiseHorizonDays());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("screen pop of " + pop.callId() + " could not be written: " + e.getMessage(), e);
        }
    }

    static ScreenPop decode(String key, String value) {
        try {
            var root = (ObjectNode) JSON.readTree(value);
            var path = new ArrayList<String>();
            required(root, "ivrPath").forEach(step -> path.add(step.asText()));
            var promises = new ArrayList<PromiseToPay>();
            required(root, "promises").forEach(p -> promises.add(PromiseCodec.decode(key, fields(p))));
            var attempts = new ArrayList<PastAttempt>();
            required(root, "attempts").forEach(a -> attempts.add(PastAttemptCodec.decode(key, a.asText())));
            return new ScreenPop(text(root, "callId"), new AgentId(text(root, "agent")),
                    new CampaignId(text(root, "campaign")), AccountCodec.decode(key, fields(required(root, "account"))),
                    ZoneId.of(text(root, "debtorZone")), Instant.parse(text(root, "bridgedAt")), path, promises,
                    attempts, new E164(text(root, "number")), required(root, "promiseHorizonDays").asInt());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("redis: " + key + " holds a malformed screen pop: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> fields(JsonNode node) {
        var fields = new LinkedHashMap<String, String>();
        node.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        return fields;
    }

    private static JsonNode required(JsonNode root, String field) {
        var node = root.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return node;
    }

    private static String text(JsonNode root, String field) {
        return required(root, field).asText();
    }
}
