package io.duecall.adapter.memory;

import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.SlotTally;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.HabitStore;
import java.util.HashMap;
import java.util.Map;

/** {@link HabitStore} in memory; safe to use from several threads. */
public final class InMemoryHabitStore implements HabitStore {
    private final Map<CampaignId, SlotTally> campaigns = new HashMap<>();
    private final Map<CampaignId, Map<String, SlotTally>> segments = new HashMap<>();

    @Override
    public synchronized void record(CampaignId campaign, String segment, ContactSlot slot, boolean answered,
            boolean reached) {
        campaigns.merge(campaign, SlotTally.empty().plus(slot, answered, reached), SlotTally::plus);
        segments.computeIfAbsent(campaign, c -> new HashMap<>())
                .merge(segment, SlotTally.empty().plus(slot, answered, reached), SlotTally::plus);
    }

    @Override
    public synchronized SlotTally campaign(CampaignId campaign) {
        return campaigns.getOrDefault(campaign, SlotTally.empty());
    }

    @Override
    public synchronized SlotTally segment(CampaignId campaign, String segment) {
        return segments.getOrDefault(campaign, Map.of()).getOrDefault(segment, SlotTally.empty());
    }
}
