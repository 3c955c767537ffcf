package io.duecall.domain.pacing;

/** IVR reminder campaigns: as many calls as free channels allow, at most {@code maxPerTick} at a time. */
public final class AgentlessPacer implements Pacer {
    private final int maxPerTick;

    public AgentlessPacer(int maxPerTick) {
        if (maxPerTick <= 0) {
            throw new IllegalArgumentException("pacing.maxPerTick: " + maxPerTick + " (expected > 0)");
        }
        this.maxPerTick = maxPerTick;
    }

    @Override
    public int callsToPlace(PacingSnapshot s) {
        return Math.min(maxPerTick, s.freeChannels());
    }
}
