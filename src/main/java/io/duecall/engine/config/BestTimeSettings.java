package io.duecall.engine.config;

import io.duecall.domain.besttime.BestTime;
import java.time.Duration;
import java.util.List;

/**
 * A campaign's {@code bestTime:} block: whether accounts are called at the slot where the debtor is most likely to
 * answer, learned from the ledger ({@code enabled}, off by default), how long an account may be held back for it
 * ({@code maxHold}, at most 7 days) and how much better a slot must be to be worth the wait ({@code minLift}).
 */
public record BestTimeSettings(Boolean enabled, Duration maxHold, Double minLift) {
    public static BestTimeSettings defaults() {
        var d = BestTime.defaults();
        return new BestTimeSettings(false, d.maxHold(), d.minLift());
    }

    /**
     * The campaign's scheduling, or null when it calls at the first permitted instant; each problem goes to
     * {@code errors} after {@code prefix} (such as campaigns[0].).
     */
    static BestTime resolve(BestTimeSettings settings, String prefix, List<String> errors) {
        if (settings == null || !Boolean.TRUE.equals(settings.enabled())) {
            return null;
        }
        var d = defaults();
        try {
            return new BestTime(settings.maxHold() == null ? d.maxHold() : settings.maxHold(),
                    settings.minLift() == null ? d.minLift() : settings.minLift());
        } catch (IllegalArgumentException e) {
            errors.add(prefix + e.getMessage());
            return null;
        }
    }
}
