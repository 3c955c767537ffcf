package io.duecall.domain.pbx;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one PBX may carry for this node: at most {@code channels} calls up at once, {@code originatesPerSecond}
 * originates a second with at most {@code burst} saved (an infinite rate: no limit), over its {@code trunks} in
 * order of preference.
 */
public record PbxLimits(String name, int channels, double originatesPerSecond, double burst, List<TrunkLimits> trunks) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public PbxLimits {
        requireName("name", name);
        if (channels < 1) {
            throw new IllegalArgumentException("channels: " + channels + " (expected > 0)");
        }
        requireRate("originatesPerSecond", originatesPerSecond, burst);
        if (trunks == null || trunks.isEmpty()) {
            throw new IllegalArgumentException("trunks: none (expected at least one trunk)");
        }
        trunks = List.copyOf(trunks);
        var names = new HashSet<String>();
        for (var trunk : trunks) {
            if (!names.add(trunk.name())) {
                throw new IllegalArgumentException("trunks: name '" + trunk.name() + "' is used twice");
            }
        }
    }

    /** A PBX with one trunk and no limit of its own: a single configured PBX behaves as it did before pools. */
    public static PbxLimits unlimited(String name, String trunk) {
        return new PbxLimits(name, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                List.of(TrunkLimits.unlimited(trunk)));
    }

    public boolean limited() {
        return !Double.isInfinite(originatesPerSecond);
    }

    static void requireName(String key, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(key + ": '" + value
                    + "' (expected 1-64 letters, digits, dots, dashes or underscores)");
        }
    }

    /** A finite rate needs a finite burst of at least one originate; an infinite rate needs an infinite burst. */
    static void requireRate(String key, double perSecond, double burst) {
        if (Double.isInfinite(perSecond) && perSecond > 0) {
            if (!Double.isInfinite(burst)) {
                throw new IllegalArgumentException("burst: " + burst + " (expected none for an unlimited rate)");
            }
            return;
        }
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException(key + ": " + perSecond + " (expected > 0)");
        }
        if (!(burst >= 1) || Double.isInfinite(burst)) {
            throw new IllegalArgumentException("burst: " + burst + " (expected a number >= 1)");
        }
    }
}
