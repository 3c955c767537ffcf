package io.duecall.ivr.flow;

/**
 * What a campaign's calls do when the screen finds an answering machine: leave the flow's limited-content message
 * (no debt, only who called and the number to call back), or hang up at once and leave nothing.
 */
public enum MachinePolicy {
    MESSAGE,
    HANG_UP
}
