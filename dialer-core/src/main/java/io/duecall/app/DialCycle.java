package io.duecall.app;

import io.duecall.domain.campaign.CampaignId;

/** One dial cycle of a campaign, run by whatever wakes the dialer up; returns how many calls it placed. */
public interface DialCycle {
    int tick(CampaignId campaign);
}
