package io.duecall.domain.agent;

import io.duecall.domain.campaign.CampaignId;
import java.util.Objects;
import java.util.Set;

/** An agent and the campaigns whose calls they take. */
public record AgentSeat(AgentId id, Set<CampaignId> campaigns) {
    public AgentSeat {
        Objects.requireNonNull(id, "agent.id");
        if (campaigns == null || campaigns.isEmpty()) {
            throw new IllegalArgumentException("agent " + id + ".campaigns: none (expected at least one campaign)");
        }
        campaigns = Set.copyOf(campaigns);
    }
}
