package io.duecall.engine.config;

import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.besttime.BestTime;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.ivr.flow.MachinePolicy;
import java.util.Set;

/**
 * One campaign as validated: the campaign, when it runs, its contact rules and pacing (null: the engine's defaults
 * for the campaign), what its calls do on an answering machine, the skills its calls require of an agent, and the
 * entry it was read from ({@code settings}; null for one built in code), which the campaigns page shows.
 */
public record ConfiguredCampaign(Campaign campaign, RunDates runDates, ContactRules rules, PacingPolicy pacing,
        MachinePolicy machine, Set<String> requiredSkills, BestTime bestTime, CampaignSettings settings) {
    public ConfiguredCampaign {
        requiredSkills = Set.copyOf(requiredSkills);
    }

    public ConfiguredCampaign(Campaign campaign, RunDates runDates, ContactRules rules, PacingPolicy pacing,
            MachinePolicy machine, Set<String> requiredSkills, BestTime bestTime) {
        this(campaign, runDates, rules, pacing, machine, requiredSkills, bestTime, null);
    }

    /** A campaign that calls at the first permitted instant. */
    public ConfiguredCampaign(Campaign campaign, RunDates runDates, ContactRules rules, PacingPolicy pacing,
            MachinePolicy machine, Set<String> requiredSkills) {
        this(campaign, runDates, rules, pacing, machine, requiredSkills, null);
    }

    /** A campaign with the engine's defaults for everything but the campaign itself and its pacing. */
    public static ConfiguredCampaign of(Campaign campaign, PacingPolicy pacing) {
        return new ConfiguredCampaign(campaign, RunDates.ALWAYS, null, pacing, MachinePolicy.MESSAGE, Set.of());
    }
}
