package io.duecall.domain.pacing;

/**
 * A token bucket for originates per second on one trunk: {@code perSecond} tokens a second, at most {@code burst}
 * saved. Not thread-safe; each pacer (or PBX router) owns its own.
 */
public final class OriginateRateLimit {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private double last = Double.NaN;

    public OriginateRateLimit(double perSecond, double burst) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("pacing.originatesPerSecond: " + perSecond + " (expected > 0)");
        }
        if (!(burst >= 1) || Double.isInfinite(burst)) {
            throw new IllegalArgumentException("pacing.originateBurst: " + burst + " (expected >= 1)");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Grants up to {@code wanted} originates at {@code now} (seconds) and spends the tokens for them. */
    public int take(double now, int wanted) {
        refill(now);
        int granted = (int) Math.min(wanted, Math.floor(tokens + 1e-9));
        granted = Math.max(0, granted);
        tokens -= granted;
        return granted;
    }

    /** Whether one originate would be granted at {@code now} (seconds), without spending its token. */
    public boolean grants(double now) {
        refill(now);
        return tokens + 1e-9 >= 1;
    }

    /** Adds the tokens earned since the last reading; a clock that went back (a new virtual day) earns none. */
    private void refill(double now) {
        if (!Double.isNaN(last) && now > last) {
            tokens = Math.min(burst, tokens + (now - last) * perSecond);
        }
        last = now;
    }
}
