package io.duecall.adapter.csv;

import io.duecall.domain.promise.PromiseToPay;
import java.io.Writer;

/** Writes promises to pay as CSV for the lender's payment follow-up, amounts as decimals and times as ISO-8601. */
public final class PromiseCsvWriter {
    private static final CsvTable<PromiseToPay> TABLE = new CsvTable<PromiseToPay>()
            .column("call_id", PromiseToPay::callId)
            .column("account_id", PromiseToPay::account)
            .column("campaign", PromiseToPay::campaign)
            .column("amount", p -> p.amount().toDecimal().toPlainString())
            .column("currency", p -> p.amount().currency().getCurrencyCode())
            .column("pay_by", PromiseToPay::payBy)
            .column("promised_at", PromiseToPay::promisedAt);

    /** Writes a header and one row per promise; the writer is flushed and closed. */
    public void write(Iterable<PromiseToPay> promises, Writer out) {
        TABLE.write(promises, out);
    }
}
