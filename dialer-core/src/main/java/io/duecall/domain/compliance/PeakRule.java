package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.PeakWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Retries of a debtor not reached (or every call of a peak-only campaign) go only in peak hours, in every zone. */
final class PeakRule implements ContactRule {
    private final PeakRules peaks;
    private final List<PeakWindow> byStart;

    PeakRule(PeakRules peaks) {
        this.peaks = peaks;
        this.byStart = peaks.windows().stream().sorted(Comparator.comparing(PeakWindow::starts)).toList();
    }

    @Override
    public String name() {
        return "peak hours";
    }

    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        if (!peaks.appliesTo(context.history())) {
            return Optional.empty();
        }
        var why = peaks.peakOnly() ? "the campaign dials only in peaks " : "a retry of a debtor not reached waits for peaks ";
        return ContactRule.untilTheLatest(t, context.zones().stream().map(zone -> nextPeak(zone, t)),
                until -> new Block(SkipReason.OUTSIDE_PEAK, until, why + byStart));
    }

    private Instant nextPeak(ZoneId zone, Instant t) {
        var local = t.atZone(zone);
        var time = local.toLocalTime();
        if (byStart.stream().anyMatch(p -> p.contains(time))) {
            return t;
        }
        for (var peak : byStart) {
            if (peak.starts().isAfter(time)) {
                return startOf(local.toLocalDate(), peak, zone, t);
            }
        }
        return startOf(local.toLocalDate().plusDays(1), byStart.getFirst(), zone, t);
    }

    private static Instant startOf(LocalDate date, PeakWindow peak, ZoneId zone, Instant after) {
        var start = ZonedDateTime.of(date, peak.starts(), zone);
        return start.toInstant().isAfter(after) ? start.toInstant() : start.withLaterOffsetAtOverlap().toInstant();
    }
}
