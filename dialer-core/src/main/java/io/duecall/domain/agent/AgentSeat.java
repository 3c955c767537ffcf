package io.duecall.domain.agent;

import io.duecall.domain.campaign.CampaignId;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An agent, the campaigns whose calls they take, their skills (short lowercase words such as {@code es} or
 * {@code late-stage}) that calls may require, and the PBX their phone is registered on ({@code pbx}; null: reachable
 * from every PBX, so it never depends on one being up).
 */
public record AgentSeat(AgentId id, Set<CampaignId> campaigns, Set<String> skills, String pbx) {
    private static final Pattern SKILL = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public AgentSeat {
        Objects.requireNonNull(id, "agent.id");
        if (campaigns == null || campaigns.isEmpty()) {
            throw new IllegalArgumentException("agent " + id + ".campaigns: none (expected at least one campaign)");
        }
        campaigns = Set.copyOf(campaigns);
        skills = validSkills(skills, "agent " + id + ".skills");
        if (pbx != null && pbx.isBlank()) {
            throw new IllegalArgumentException("agent " + id + ".pbx: blank (expected a PBX name, or none)");
        }
    }

    /** A seat whose phone every PBX reaches. */
    public AgentSeat(AgentId id, Set<CampaignId> campaigns, Set<String> skills) {
        this(id, campaigns, skills, null);
    }

    /** A seat with no skills: it takes only calls that require none. */
    public AgentSeat(AgentId id, Set<CampaignId> campaigns) {
        this(id, campaigns, Set.of(), null);
    }

    /**
     * The skills as an immutable set, or throws naming {@code field} when one is not a short lowercase word.
     * Null means none.
     */
    public static Set<String> validSkills(Set<String> skills, String field) {
        if (skills == null) {
            return Set.of();
        }
        for (var skill : skills) {
            if (skill == null || !SKILL.matcher(skill).matches()) {
                throw new IllegalArgumentException(field + ": '" + skill
                        + "' (expected a lowercase word of 1-32 letters, digits or '-', such as 'es' or 'late-stage')");
            }
        }
        return Set.copyOf(skills);
    }
}
