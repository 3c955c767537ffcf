package io.duecall.app;

import io.duecall.domain.campaign.CampaignId;

/** One dial cycle of a campaign, run by whatever wakes the dialer up; returns how many calls it placed. */
public interface DialCycle {
    int tick(CampaignId campaign);

    /**
     * This node's own upkeep of its calls, which every tick also does: write ledger lines waiting in the outbox,
     * close stale calls, renew the leases and agent holds of calls still up. A scheduler that sends each tick to one
     * node of several runs it on every node between ticks, so no node's leases lapse while others win the ticks.
     */
    default void upkeep() {}
}
