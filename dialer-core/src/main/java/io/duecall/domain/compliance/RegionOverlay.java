package io.duecall.domain.compliance;

import io.duecall.domain.window.WeeklyWindows;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Stricter rules for debtors in one region (such as a state): a narrower weekly window and a lower rolling
 * seven-day cap. Both apply on top of the campaign's rules, never instead of them.
 */
public record RegionOverlay(Optional<WeeklyWindows> window, OptionalInt maxAttemptsPer7Days) {
    public RegionOverlay {
        Objects.requireNonNull(window, "region.window");
        Objects.requireNonNull(maxAttemptsPer7Days, "region.maxAttemptsPer7Days");
    }

    public static RegionOverlay window(WeeklyWindows window) {
        return new RegionOverlay(Optional.of(window), OptionalInt.empty());
    }

    public static RegionOverlay cap(int maxAttemptsPer7Days) {
        return new RegionOverlay(Optional.empty(), OptionalInt.of(maxAttemptsPer7Days));
    }
}
