package io.duecall.port;

import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.SlotTally;
import io.duecall.domain.campaign.CampaignId;

/**
 * The pooled counts the contact-propensity model learns from: per campaign, and per segment of a campaign (phone type
 * and delinquency stage), the dials, answers and right-party contacts in each slot of the debtor's week. An
 * account's own counts come from its history, so nothing is kept per account.
 */
public interface HabitStore {
    /** Keeps nothing and knows nothing: every estimate rests on the prior and the account's own history. */
    static HabitStore none() {
        return new HabitStore() {
            @Override
            public void record(CampaignId campaign, String segment, ContactSlot slot, boolean answered,
                    boolean reached) {}

            @Override
            public SlotTally campaign(CampaignId campaign) {
                return SlotTally.empty();
            }

            @Override
            public SlotTally segment(CampaignId campaign, String segment) {
                return SlotTally.empty();
            }
        };
    }

    /** Counts one written call: its campaign, its segment, the debtor-local slot it was placed in and what it reached. */
    void record(CampaignId campaign, String segment, ContactSlot slot, boolean answered, boolean reached);

    SlotTally campaign(CampaignId campaign);

    SlotTally segment(CampaignId campaign, String segment);

    /** A campaign's counts and one of its segments', read together. */
    record Pooled(SlotTally campaign, SlotTally segment) {}

    /** The campaign's and the segment's counts; a store that keeps both in one place reads them in one go. */
    default Pooled read(CampaignId campaign, String segment) {
        return new Pooled(campaign(campaign), segment(campaign, segment));
    }
}
