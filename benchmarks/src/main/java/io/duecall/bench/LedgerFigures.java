package io.duecall.bench;

import java.util.List;
import java.util.Locale;

/** The ledger's figures of one run beside their targets. */
final class LedgerFigures {
    /** Ten times the busiest floor's peak (about 500 lines a second). */
    static final double SHIP_TARGET = 5_000;
    /** Two days of 200,000 lines a day (the busiest floor with its reminder campaigns) in under 400 MB of Redis. */
    static final double BYTES_TARGET = 1_000;

    private LedgerFigures() {}

    static List<Figure> of(LedgerThroughput.Result r) {
        return List.of(
                Figure.report(String.format(Locale.ROOT, "ledger lines appended to Redis (%,d)", r.lines()),
                        r.lines() / r.appendSeconds(), "lines/s", "one Lua script per line, as the engine writes them"),
                Figure.atLeast("ledger lines shipped into PostgreSQL", r.shippedPerSecond(), "lines/s", SHIP_TARGET,
                        String.format(Locale.ROOT, "target >= %,.0f/s sustained (%,d lines in %.1f s, batches of %,d)",
                                SHIP_TARGET, r.storedInPostgres(), r.shipSeconds(), LedgerThroughput.BATCH)),
                Figure.atMost("lines lost or doubled in PostgreSQL", Math.abs(r.storedInPostgres() - r.lines()),
                        "lines", 0, String.format(Locale.ROOT, "must be 0 (%,d rows for %,d lines)",
                                r.storedInPostgres(), r.lines())),
                Figure.atMost("Redis memory per retained line", r.redisBytesPerLine(), "bytes", BYTES_TARGET,
                        String.format(Locale.ROOT, "target <= %,.0f (INFO used_memory delta / lines: stream entry "
                                + "%,.0f + account history entry)", BYTES_TARGET, r.streamBytesPerLine())),
                Figure.report("Redis memory per line once shipped and trimmed", r.bytesPerLineAfterTrim(), "bytes",
                        String.format(Locale.ROOT, "the account's history entry, capped at 500 per account; %,d lines"
                                + " left in the stream", r.leftInRedis())));
    }
}
