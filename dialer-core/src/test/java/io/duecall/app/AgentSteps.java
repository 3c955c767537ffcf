package io.duecall.app;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Reservations as the tests of agents make them: any reachable seat, no language, one call id unless named. */
public final class AgentSteps {
    /** The call id of reservations that do not name one. */
    public static final String CALL = "call";

    private AgentSteps() {}

    /** Reserves the agent the pool picks among the campaign's agents, for {@link #CALL}, held for good. */
    public static Optional<AgentId> reserve(AgentPool pool, CampaignId campaign, Instant now) {
        return reserve(pool, campaign, Set.of(), CALL, Instant.MAX, now);
    }

    /** As above, among the agents having every one of {@code skills}. */
    public static Optional<AgentId> reserve(AgentPool pool, CampaignId campaign, Set<String> skills, Instant now) {
        return reserve(pool, campaign, skills, CALL, Instant.MAX, now);
    }

    /** As above, for call {@code callId} held until {@code holdUntil}. */
    public static Optional<AgentId> reserve(AgentPool pool, CampaignId campaign, Set<String> skills, String callId,
            Instant holdUntil, Instant now) {
        pool.requireSkills(campaign, skills);
        return pool.reserveFor(campaign, Optional.empty(), seat -> true, callId, holdUntil, now);
    }
}
