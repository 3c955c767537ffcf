package io.duecall.domain.pacing;

/**
 * What a pacer sees at one instant.
 *
 * @param readyAgents agents ready and not reserved for a call
 * @param callsRinging calls placed and not yet answered or failed
 * @param answeredWaiting answered calls waiting for an agent
 * @param callsUp all calls of the campaign currently holding a channel (ringing, in the IVR, waiting or bridged)
 * @param channelLimit most calls the campaign may hold at once
 */
public record PacingSnapshot(int readyAgents, int callsRinging, int answeredWaiting, int callsUp, int channelLimit) {
    public PacingSnapshot {
        if (readyAgents < 0 || callsRinging < 0 || answeredWaiting < 0 || callsUp < 0 || channelLimit < 0) {
            throw new IllegalArgumentException("pacing snapshot counts must be >= 0: " + readyAgents + ", "
                    + callsRinging + ", " + answeredWaiting + ", " + callsUp + ", " + channelLimit);
        }
    }

    public int freeChannels() {
        return Math.max(0, channelLimit - callsUp);
    }
}
