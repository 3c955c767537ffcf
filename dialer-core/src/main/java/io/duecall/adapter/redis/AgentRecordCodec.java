package io.duecall.adapter.redis;

import io.duecall.domain.agent.AgentHold;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AgentRoster;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** An agent's record as hash fields: ISO-8601 instants and durations, absent fields for what the state lacks. */
final class AgentRecordCodec {
    private static final String TOTAL = "total.";

    private AgentRecordCodec() {}

    static Map<String, String> encode(AgentRecord r) {
        var f = new LinkedHashMap<String, String>();
        f.put("state", r.state().name());
        f.put("enteredAt", r.enteredAt().toString());
        f.put("idleSince", r.idleSince().toString());
        if (r.pauseReason() != null) {
            f.put("pauseReason", r.pauseReason());
        }
        if (r.hold() != null) {
            f.put("holdCall", r.hold().callId());
            f.put("holdCampaign", r.hold().campaign().value());
            f.put("holdNode", r.hold().node());
            f.put("holdUntil", r.hold().until().toString());
        }
        if (r.wrapStartedAt() != null) {
            f.put("wrapStartedAt", r.wrapStartedAt().toString());
        }
        if (r.wrapEndedAt() != null) {
            f.put("wrapEndedAt", r.wrapEndedAt().toString());
        }
        r.totals().forEach((state, time) -> f.put(TOTAL + state.name(), time.toString()));
        return f;
    }

    static AgentRoster.Stored decode(String key, AgentId agent, Map<String, String> f) {
        try {
            var hold = f.containsKey("holdCall") ? new AgentHold(f.get("holdCall"),
                    new CampaignId(f.get("holdCampaign")), f.get("holdNode"), Instant.parse(f.get("holdUntil"))) : null;
            var totals = new EnumMap<AgentState, Duration>(AgentState.class);
            f.forEach((field, value) -> {
                if (field.startsWith(TOTAL)) {
                    totals.put(AgentState.valueOf(field.substring(TOTAL.length())), Duration.parse(value));
                }
            });
            var record = new AgentRecord(AgentState.valueOf(f.get("state")), Instant.parse(f.get("enteredAt")),
                    Instant.parse(f.get("idleSince")), f.get("pauseReason"), hold, instant(f.get("wrapStartedAt")),
                    instant(f.get("wrapEndedAt")), totals);
            return new AgentRoster.Stored(agent, record, Long.parseLong(f.get("version")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("redis: agent record " + key + " is malformed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
