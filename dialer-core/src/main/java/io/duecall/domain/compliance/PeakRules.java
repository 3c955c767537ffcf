package io.duecall.domain.compliance;

import io.duecall.domain.window.PeakWindow;
import java.util.List;
import java.util.Objects;

/**
 * When peak hours apply: to retries of a debtor not reached ({@code peakRetriesOnly}), or to every call
 * ({@code peakOnly}). Peaks are local times and hold in every zone the debtor may be in.
 */
public record PeakRules(List<PeakWindow> windows, boolean peakRetriesOnly, boolean peakOnly) {
    public PeakRules {
        windows = List.copyOf(Objects.requireNonNull(windows, "rules.peaks.windows"));
    }

    /** The three default peaks, applied to retries only. */
    public static PeakRules defaults() {
        return new PeakRules(PeakWindow.defaults(), /* peakRetriesOnly= */ true, /* peakOnly= */ false);
    }

    public boolean appliesTo(ContactHistory history) {
        return peakOnly || (peakRetriesOnly && history.lastAttemptReachedNobody());
    }
}
