package io.duecall.engine;

import io.duecall.common.KeyPath;
import io.duecall.engine.config.ConfiguredCampaigns;
import io.duecall.engine.config.RunDates;
import io.duecall.engine.config.ConfiguredCampaign;
import io.duecall.engine.config.ConfigYaml;
import io.duecall.engine.config.CampaignSchema;
import io.duecall.engine.config.CampaignSettings;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.duecall.app.DialerEngine;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.ivr.flow.MachinePolicy;
import io.duecall.port.CampaignDefinitions;
import io.duecall.web.ApiException;
import io.duecall.web.CampaignEditor;
import io.duecall.web.CampaignField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Campaigns managed at run time: definitions in JSON or YAML with the keys of the configuration file's
 * {@code campaigns[]} entries, validated by the same {@link CampaignSettings#resolve}, stored in
 * {@link CampaignDefinitions} and applied to the running {@link DialerEngine}. Campaigns of the configuration file
 * win: their ids cannot be created, replaced or deleted here, and a stored definition under such an id is ignored.
 */
public final class CampaignCatalog implements CampaignEditor {
    private static final ObjectMapper JSON = strict(new ObjectMapper());
    private static final ObjectMapper YAML = strict(new ObjectMapper(new YAMLFactory()));
    private final DialerEngine dialer;
    private final CampaignDefinitions store;
    private final ConfiguredCampaigns config;
    private final Set<CampaignId> configured;
    private final Map<CampaignId, RunDates> runDates = new ConcurrentHashMap<>();
    private final Map<CampaignId, MachinePolicy> machine = new ConcurrentHashMap<>();

    public CampaignCatalog(DialerEngine dialer, CampaignDefinitions store, ConfiguredCampaigns config) {
        this.dialer = dialer;
        this.store = store;
        this.config = config;
        this.configured = config.list().stream().map(Campaign::id).collect(Collectors.toUnmodifiableSet());
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        return ConfigYaml.strict(mapper)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // As the file writes them (PT25S): a stored definition is shown for editing as it was given.
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * Adds every stored definition whose id the configuration file does not use; returns a line for each one skipped
     * (shadowed by the file, or no longer valid), which stays stored.
     */
    public synchronized List<String> loadStored() {
        var skipped = new ArrayList<String>();
        store.all().forEach((id, definition) -> {
            if (configured.contains(id)) {
                skipped.add("stored campaign " + id + " is ignored: the configuration file defines " + id);
                return;
            }
            try {
                apply(resolve(read(definition, "application/json")));
            } catch (RuntimeException e) {
                skipped.add("stored campaign " + id + " is ignored: " + e.getMessage());
            }
        });
        return skipped;
    }

    /** When Quartz runs the campaign's dial cycle: from the file, or from its stored definition. */
    public RunDates runDates(CampaignId campaign) {
        return configured.contains(campaign) ? config.runDates(campaign)
                : runDates.getOrDefault(campaign, RunDates.ALWAYS);
    }

    @Override
    public synchronized Campaign create(String definition, String contentType) {
        var settings = read(definition, contentType);
        var resolved = resolve(settings);
        var id = resolved.campaign().id();
        requireNotConfigured(id);
        if (!store.create(id, JSON.valueToTree(settings).toString())) {
            throw new IllegalStateException("campaign '" + id + "' exists already (replace it with PUT /api/campaigns/" + id + ")");
        }
        apply(resolved);
        return resolved.campaign();
    }

    @Override
    public synchronized Campaign replace(CampaignId id, String definition, String contentType) {
        var settings = read(definition, contentType);
        if (settings.id() != null && !settings.id().equals(id.value())) {
            throw new ApiException(400, "id: '" + settings.id() + "' (expected '" + id + "' as in the path)");
        }
        settings = settings.withId(id);
        var resolved = resolve(settings);
        requireNotConfigured(id);
        if (!store.replace(id, JSON.valueToTree(settings).toString())) {
            throw ApiException.notFound("campaign '" + id + "' was not created through the API");
        }
        apply(resolved);
        return resolved.campaign();
    }

    @Override
    public synchronized void delete(CampaignId id) {
        requireNotConfigured(id);
        if (!store.all().containsKey(id)) {
            throw ApiException.notFound("campaign '" + id + "' was not created through the API");
        }
        dialer.remove(id);
        dialer.bestTime(id, null);
        store.delete(id);
        runDates.remove(id);
        machine.remove(id);
    }

    @Override
    public List<CampaignField> schema() {
        return CampaignSchema.fields();
    }

    @Override
    public Optional<String> definition(CampaignId id) {
        return configured.contains(id) ? config.settings(id).map(s -> JSON.valueToTree(s).toString())
                : Optional.ofNullable(store.all().get(id));
    }

    @Override
    public boolean fromConfigurationFile(CampaignId id) {
        return configured.contains(id);
    }

    private void requireNotConfigured(CampaignId id) {
        if (configured.contains(id)) {
            throw new IllegalStateException("campaign '" + id + "' comes from the configuration file: change it there "
                    + "and restart the engine");
        }
    }

    private void apply(ConfiguredCampaign resolved) {
        dialer.upsert(resolved.campaign(), resolved.rules(), resolved.pacing());
        dialer.bestTime(resolved.campaign().id(), resolved.bestTime());
        runDates.put(resolved.campaign().id(), resolved.runDates());
        machine.put(resolved.campaign().id(), resolved.machine());
    }

    /** What the campaign's calls do on an answering machine, for configured and run-time campaigns alike. */
    public MachinePolicy machine(CampaignId id) {
        return configured.contains(id) ? config.machine(id) : machine.getOrDefault(id, MachinePolicy.MESSAGE);
    }

    private static ConfiguredCampaign resolve(CampaignSettings settings) {
        var errors = new ArrayList<String>();
        var resolved = settings.resolve("", errors);
        if (settings.requiredSkills() != null && !settings.requiredSkills().isEmpty()) {
            // Routing learns required skills at start-up; a run-time campaign would silently route without them.
            errors.add("requiredSkills: " + settings.requiredSkills()
                    + " (expected none: only campaigns in the configuration file can require agent skills)");
        }
        if (!errors.isEmpty()) {
            throw new CampaignRejectedException(errors);
        }
        return resolved;
    }

    /** Reads a definition strictly; every failure is a 400 naming the field, or the line and column. */
    static CampaignSettings read(String definition, String contentType) {
        if (definition == null || definition.isBlank()) {
            throw new ApiException(400, "request body is empty (expected a campaign definition in JSON or YAML)");
        }
        var type = contentType == null ? "" : contentType.toLowerCase().split(";")[0].strip();
        var mapper = switch (type) {
            case "application/json" -> JSON;
            case "application/yaml", "application/x-yaml", "text/yaml" -> YAML;
            default -> throw new ApiException(415, "a campaign definition needs Content-Type application/json or "
                    + "application/yaml (got " + contentType + ")");
        };
        var format = mapper == JSON ? "JSON" : "YAML";
        try {
            return mapper.readValue(definition, CampaignSettings.class);
        } catch (UnrecognizedPropertyException e) {
            var known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ApiException(400, "unknown field '" + KeyPath.of(e) + "'" + at(e) + " (expected only: " + known + ")");
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw new ApiException(400, "field '" + KeyPath.of(e) + "': " + invalid.getMessage());
            }
            throw new ApiException(400, (KeyPath.of(e).isEmpty() ? "" : "field '" + KeyPath.of(e) + "'" + at(e) + ": ")
                    + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new ApiException(400, "malformed " + format + at(e) + ": " + e.getOriginalMessage());
        }
    }

    private static String at(JacksonException e) {
        var where = e.getLocation();
        return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }
}
