package io.duecall.domain.pacing;

import io.duecall.domain.attempt.Attempt;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One campaign's live answers and abandons per day, giving the day's rate and the rolling 30-day rate the rules
 * cap. Days older than the window are dropped. Not thread-safe.
 */
public final class AbandonLedger {
    public static final int WINDOW_DAYS = 30;
    private final AbandonRule rule;
    private final TreeMap<LocalDate, long[]> days = new TreeMap<>();

    public AbandonLedger(AbandonRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public AbandonRule rule() {
        return rule;
    }

    /** A live answer on {@code day}, abandoned or connected in time. */
    public void liveAnswer(LocalDate day, boolean abandoned) {
        var counts = days.computeIfAbsent(Objects.requireNonNull(day, "day"), d -> new long[2]);
        counts[0]++;
        if (abandoned) {
            counts[1]++;
        }
        prune(day);
    }

    /** A live person hung up on as a machine: counted as an abandoned live answer only under the UK formula. */
    public void machineFalsePositive(LocalDate day) {
        if (rule.countMachineFalsePositives()) {
            liveAnswer(day, true);
        }
    }

    /** Counts one ledger line, dated by its answer in {@code zone} (the campaign's reporting zone). */
    public void record(Attempt attempt, ZoneId zone) {
        var verdict = rule.judge(attempt);
        if (verdict != AbandonRule.Verdict.NOT_LIVE) {
            liveAnswer(attempt.answeredAt().atZone(zone).toLocalDate(), verdict == AbandonRule.Verdict.ABANDONED);
        }
    }

    public double dayRate(LocalDate day) {
        var c = days.get(day);
        return c == null || c[0] == 0 ? 0 : (double) c[1] / c[0];
    }

    /** Abandons over live answers from {@code day} - 29 through {@code day}. */
    public double rollingRate(LocalDate day) {
        var c = rolling(day);
        return c[0] == 0 ? 0 : (double) c[1] / c[0];
    }

    public AbandonCounters counters(LocalDate day) {
        var today = days.getOrDefault(day, new long[2]);
        var window = rolling(day);
        return new AbandonCounters(today[0], today[1], window[0], window[1]);
    }

    private long[] rolling(LocalDate day) {
        long[] sum = new long[2];
        for (Map.Entry<LocalDate, long[]> e : days.subMap(day.minusDays(WINDOW_DAYS - 1L), true, day, true).entrySet()) {
            sum[0] += e.getValue()[0];
            sum[1] += e.getValue()[1];
        }
        return sum;
    }

    private void prune(LocalDate latest) {
        days.headMap(latest.minusDays(WINDOW_DAYS * 2L)).clear();
    }
}
