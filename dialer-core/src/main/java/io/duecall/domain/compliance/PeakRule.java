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

/**
 * Retries of a debtor not reached (or every call of a peak-only campaign) go only in peak hours, in every zone. When
 * the peaks of the zones never overlap (an Australian mobile judged in eight zones), no peak is owed: the call goes in
 * the calling windows' intersection, which {@link LocalWindowRule} keeps, so the peak rule alone never leaves a
 * number undialable.
 */
final class PeakRule implements ContactRule {
    /** How far ahead a common peak is looked for: peaks repeat daily, so two days find any that exists. */
    private static final java.time.Duration LOOK_AHEAD = java.time.Duration.ofDays(2);
    private static final int MAX_ROUNDS = 500;

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
        var common = commonPeak(context.zones(), t);
        if (common.isEmpty() || common.get().equals(t)) {
            return Optional.empty();
        }
        var latest = common.get();
        var why = peaks.peakOnly() ? "the campaign dials only in peaks " : "a retry of a debtor not reached waits for peaks ";
        return Optional.of(new Block(SkipReason.OUTSIDE_PEAK, latest, why + byStart));
    }

    @Override
    public String permits(DialContext context, Instant t) {
        if (peaks.appliesTo(context.history()) && context.zones().size() > 1
                && commonPeak(context.zones(), t).isEmpty()) {
            return "the peaks " + byStart + " never overlap in " + context.zones()
                    + "; retries use the calling windows' intersection instead";
        }
        return "permits";
    }

    /** The first instant at or after {@code t} inside a peak in every zone, if there is one within the look-ahead. */
    private Optional<Instant> commonPeak(List<ZoneId> zones, Instant t) {
        var limit = t.plus(LOOK_AHEAD);
        var s = t;
        for (int round = 0; round < MAX_ROUNDS && !s.isAfter(limit); round++) {
            var latest = s;
            for (var zone : zones) {
                var next = nextPeak(zone, s);
                if (next.isAfter(latest)) {
                    latest = next;
                }
            }
            if (latest.equals(s)) {
                return Optional.of(s);
            }
            s = latest;
        }
        return Optional.empty();
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
