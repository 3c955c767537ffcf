package io.duecall.engine.config;

import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.besttime.BestTime;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.ivr.flow.MachinePolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The validated {@code campaigns:} list, in the file's order, and each campaign's settings by id. */
public record ConfiguredCampaigns(List<ConfiguredCampaign> entries) {
    public ConfiguredCampaigns {
        entries = List.copyOf(entries);
    }

    public List<Campaign> list() {
        return entries.stream().map(ConfiguredCampaign::campaign).toList();
    }

    /** Each campaign's contact rules, for the campaigns that have their own. */
    public Map<CampaignId, ContactRules> rules() {
        var map = new HashMap<CampaignId, ContactRules>();
        entries.stream().filter(e -> e.rules() != null).forEach(e -> map.put(e.campaign().id(), e.rules()));
        return Map.copyOf(map);
    }

    /** The campaigns that call at their debtors' best time, with their holds. */
    public Map<CampaignId, BestTime> bestTime() {
        var map = new HashMap<CampaignId, BestTime>();
        entries.stream().filter(e -> e.bestTime() != null).forEach(e -> map.put(e.campaign().id(), e.bestTime()));
        return Map.copyOf(map);
    }

    /** Each campaign's pacing, for the campaigns that have their own. */
    public Map<CampaignId, PacingPolicy> pacing() {
        var map = new HashMap<CampaignId, PacingPolicy>();
        entries.stream().filter(e -> e.pacing() != null).forEach(e -> map.put(e.campaign().id(), e.pacing()));
        return Map.copyOf(map);
    }

    /** The skills each campaign's calls require, for the campaigns that require any. */
    public Map<CampaignId, Set<String>> requiredSkills() {
        var map = new HashMap<CampaignId, Set<String>>();
        entries.stream().filter(e -> !e.requiredSkills().isEmpty())
                .forEach(e -> map.put(e.campaign().id(), e.requiredSkills()));
        return Map.copyOf(map);
    }

    public RunDates runDates(CampaignId campaign) {
        return find(campaign).map(ConfiguredCampaign::runDates).orElse(RunDates.ALWAYS);
    }

    /** What the campaign's calls do on an answering machine; {@code MESSAGE} unless configured otherwise. */
    public MachinePolicy machine(CampaignId campaign) {
        return find(campaign).map(ConfiguredCampaign::machine).orElse(MachinePolicy.MESSAGE);
    }

    /** The configuration file's entry for the campaign, as it was written; empty for one built in code. */
    public java.util.Optional<CampaignSettings> settings(CampaignId campaign) {
        return find(campaign).map(ConfiguredCampaign::settings);
    }

    private java.util.Optional<ConfiguredCampaign> find(CampaignId campaign) {
        return entries.stream().filter(e -> e.campaign().id().equals(campaign)).findFirst();
    }
}
