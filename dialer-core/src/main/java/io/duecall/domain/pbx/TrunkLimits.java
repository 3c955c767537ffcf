package io.duecall.domain.pbx;

/**
 * One trunk of a PBX and how many originates a second it takes: {@code originatesPerSecond} tokens a second, at
 * most {@code burst} saved. An infinite rate means the trunk sets no limit of its own.
 */
public record TrunkLimits(String name, double originatesPerSecond, double burst) {
    public TrunkLimits {
        PbxLimits.requireName("name", name);
        PbxLimits.requireRate("originatesPerSecond", originatesPerSecond, burst);
    }

    /** A trunk limited only by its PBX. */
    public static TrunkLimits unlimited(String name) {
        return new TrunkLimits(name, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    public boolean limited() {
        return !Double.isInfinite(originatesPerSecond);
    }
}
