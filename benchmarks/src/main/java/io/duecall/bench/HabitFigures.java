package io.duecall.bench;

import java.util.List;
import java.util.Locale;

/** What learning when debtors answer costs, beside its targets. */
final class HabitFigures {
    /** Learning adds under 1 ms per ledger line. */
    static final double MICROS_PER_LINE_TARGET = 1_000;
    /** And under 200 bytes of Redis per account. */
    static final double BYTES_PER_ACCOUNT_TARGET = 200;

    private HabitFigures() {}

    static List<Figure> of(HabitCost.Result r) {
        return List.of(
                Figure.atMost("learning per ledger line (habit counts)", r.recordMicros(), "µs", MICROS_PER_LINE_TARGET,
                        String.format(Locale.ROOT, "target <= %,.0f µs; p99 %.0f µs; the line's own append %.0f µs",
                                MICROS_PER_LINE_TARGET, r.recordP99Micros(), r.appendMicros())),
                Figure.report("best-time decision per returning account", r.learnedDecisionMicros(), "µs",
                        String.format(Locale.ROOT, "10 past calls; %.0f µs for a campaign that does not learn",
                                r.offDecisionMicros())),
                Figure.atMost("Redis memory of learning per account", r.bytesPerAccount(), "bytes",
                        BYTES_PER_ACCOUNT_TARGET, String.format(Locale.ROOT, "target <= %,.0f (one hash per campaign: "
                                + "%,d bytes for %,d accounts; nothing stored per account)", BYTES_PER_ACCOUNT_TARGET,
                                r.habitBytes(), r.accounts())));
    }
}
