package io.duecall.domain.campaign;

/** How answered calls are handled. */
public enum CampaignMode {
    /** The IVR reminds and takes promises; a debtor who presses 0 is bridged to an agent. Paced by channels. */
    IVR_REMINDER,
    /** Every answered call goes to an agent. Paced by ready agents. */
    AGENT
}
