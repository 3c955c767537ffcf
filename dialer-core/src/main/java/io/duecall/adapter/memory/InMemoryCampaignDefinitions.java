package io.duecall.adapter.memory;

import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.CampaignDefinitions;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CampaignDefinitions} in memory, for tests; thread-safe. */
public final class InMemoryCampaignDefinitions implements CampaignDefinitions {
    private final Map<CampaignId, String> definitions = new ConcurrentHashMap<>();

    @Override
    public boolean create(CampaignId id, String definition) {
        return definitions.putIfAbsent(id, Objects.requireNonNull(definition, "definition")) == null;
    }

    @Override
    public boolean replace(CampaignId id, String definition) {
        return definitions.replace(id, Objects.requireNonNull(definition, "definition")) != null;
    }

    @Override
    public boolean delete(CampaignId id) {
        return definitions.remove(id) != null;
    }

    @Override
    public Map<CampaignId, String> all() {
        return Map.copyOf(definitions);
    }
}
