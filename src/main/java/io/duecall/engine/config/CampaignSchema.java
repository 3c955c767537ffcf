package io.duecall.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.web.CampaignField;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a campaign definition, read from {@link CampaignSettings} and its blocks, with the defaults that
 * {@link CampaignSettings#resolve} applies: what the campaigns page shows beside each field, so the page states no
 * default of its own.
 */
public final class CampaignSchema {
    private static final ObjectMapper JSON = ConfigYaml.strict(new ObjectMapper())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private static final List<String> PACING_MODES = Arrays.stream(PacingPolicy.Mode.values())
            .map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
    private static final Set<String> REQUIRED = Set.of("id", "companyName", "callbackNumber");
    private static final Map<String, String> NOTES = Map.of(
            "name", "the id",
            "maxCallDuration", "what the lease leaves after the ring time and " + Campaign.LEASE_MARGIN.toSeconds()
                    + " s",
            "startAt", "none: dials from its start until stopped",
            "endAt", "none: dials until stopped",
            "pacing.mode", "progressive for AGENT campaigns, agentless for IVR_REMINDER campaigns");

    private CampaignSchema() {}

    public static List<CampaignField> fields() {
        var defaults = JSON.valueToTree(defaults());
        var fields = new ArrayList<CampaignField>();
        add(CampaignSettings.class, "", defaults, fields);
        return List.copyOf(fields);
    }

    /** Every block filled in with what an empty block resolves to. */
    static CampaignSettings defaults() {
        var d = CampaignSettings.defaults();
        var pacing = PacingPolicy.defaultsFor(CampaignMode.IVR_REMINDER);
        var pacingDefaults = new PacingSettings(null, pacing.linesPerAgent(), pacing.maxLinesPerAgent(), null,
                pacing.targetAbandonRate());
        return new CampaignSettings(null, null, d.mode(), d.opens(), d.closes(), d.closingMargin(), null, null,
                d.channelLimit(), d.ringTimeout(), d.agentWait(), d.lease(), d.promiseHorizonDays(), null, null,
                RulesSettings.defaults(), pacingDefaults, d.machine(), d.requiredSkills(),
                Campaign.longestCall(d.lease(), d.ringTimeout()), d.bestTime());
    }

    private static void add(Class<?> type, String prefix, JsonNode defaults, List<CampaignField> fields) {
        for (RecordComponent component : type.getRecordComponents()) {
            var key = prefix + component.getName();
            var value = defaults == null ? null : defaults.get(component.getName());
            var kind = component.getType();
            if (kind.isRecord()) {
                add(kind, key + ".", value, fields);
            } else {
                var values = kind.isEnum() ? Arrays.stream(kind.getEnumConstants()).map(Object::toString).toList()
                        : key.equals("pacing.mode") ? PACING_MODES : null;
                fields.add(new CampaignField(key, values == null ? type(kind) : "enum", REQUIRED.contains(key),
                        value == null || value.isNull() ? null : JSON.convertValue(value, Object.class), note(key),
                        values));
            }
        }
    }

    private static String note(String key) {
        if (key.equals("pacing.maxOriginatesPerSecond")) {
            var limited = Arrays.stream(PacingPolicy.Mode.values())
                    .filter(m -> Double.isFinite(PacingPolicy.defaultOriginatesPerSecond(m)))
                    .map(m -> m.name().toLowerCase(Locale.ROOT) + " " + PacingPolicy.defaultOriginatesPerSecond(m))
                    .toList();
            return String.join(", ", limited) + "; no limit of its own otherwise";
        }
        return NOTES.get(key);
    }

    private static String type(Class<?> kind) {
        if (kind.isEnum()) {
            return "enum";
        }
        if (Collection.class.isAssignableFrom(kind) || Map.class.isAssignableFrom(kind)) {
            return "json";
        }
        if (kind == Integer.class) {
            return "integer";
        }
        if (kind == Double.class) {
            return "number";
        }
        if (kind == Boolean.class) {
            return "boolean";
        }
        if (kind == LocalTime.class) {
            return "time";
        }
        if (kind == Duration.class) {
            return "duration";
        }
        return kind == Instant.class ? "instant" : "string";
    }
}
