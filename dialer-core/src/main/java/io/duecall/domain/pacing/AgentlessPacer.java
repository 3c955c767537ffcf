package io.duecall.domain.pacing;

/** IVR reminder campaigns: as many calls as free channels allow, at most {@code maxPerTick} at a time and per rate limit. */
public final class AgentlessPacer implements Pacer {
    private final int maxPerTick;
    private final OriginateRateLimit rate;

    public AgentlessPacer(int maxPerTick) {
        this(maxPerTick, null);
    }

    /** {@code rate} may be null for no per-second limit. */
    public AgentlessPacer(int maxPerTick, OriginateRateLimit rate) {
        if (maxPerTick <= 0) {
            throw new IllegalArgumentException("pacing.maxPerTick: " + maxPerTick + " (expected > 0)");
        }
        this.maxPerTick = maxPerTick;
        this.rate = rate;
    }

    @Override
    public int callsToPlace(PacingSnapshot s) {
        int wanted = Math.min(maxPerTick, s.freeChannels());
        return rate == null ? wanted : rate.take(s.now(), wanted);
    }
}
