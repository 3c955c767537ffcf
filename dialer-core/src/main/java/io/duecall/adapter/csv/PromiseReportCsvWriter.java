package io.duecall.adapter.csv;

import io.duecall.domain.promise.PromiseFigures;
import java.io.Writer;

/** Writes the promise report as CSV: one row per campaign, day and currency; amounts as decimals, rate as a fraction. */
public final class PromiseReportCsvWriter {
    private static final CsvTable<PromiseFigures> TABLE = new CsvTable<PromiseFigures>()
            .column("campaign", PromiseFigures::campaign)
            .column("day", PromiseFigures::day)
            .column("currency", row -> row.currency().getCurrencyCode())
            .column("made", PromiseFigures::made)
            .column("amount_promised", row -> row.promised().toDecimal().toPlainString())
            .column("open", PromiseFigures::open)
            .column("partly_kept", PromiseFigures::partlyKept)
            .column("kept", PromiseFigures::kept)
            .column("broken", PromiseFigures::broken)
            .column("cancelled", PromiseFigures::cancelled)
            .column("kept_rate", row -> row.keptRate().map(rate -> rate.toPlainString()).orElse(null))
            .column("amount_paid", row -> row.paid().toDecimal().toPlainString());

    /** Writes a header and one line per row; the writer is flushed and closed. */
    public void write(Iterable<PromiseFigures> rows, Writer out) {
        TABLE.write(rows, out);
    }
}
