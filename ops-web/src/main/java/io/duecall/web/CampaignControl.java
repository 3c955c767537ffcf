package io.duecall.web;

import io.duecall.domain.campaign.CampaignId;

/** Starts, pauses and stops the dial cycle of a configured campaign. */
public interface CampaignControl {
    enum RunState { STOPPED, RUNNING, PAUSED }

    void start(CampaignId campaign);

    void pause(CampaignId campaign);

    void stop(CampaignId campaign);

    RunState state(CampaignId campaign);
}
