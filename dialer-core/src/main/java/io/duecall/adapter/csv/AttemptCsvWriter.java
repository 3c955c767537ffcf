package io.duecall.adapter.csv;

import io.duecall.domain.attempt.Attempt;
import java.io.Writer;

/**
 * Writes the attempt ledger as CSV: one column per attempt field, ISO-8601 times, amounts as decimals. {@code
 * connected} is Regulation F's verdict (the call reached the number), {@code rpc} whether the right party was
 * verified, {@code disclosed} what was said (NOTHING, IDENTITY, AMOUNT), {@code time_zones} every zone the call was
 * judged in, joined by {@code ;}; {@code test} marks an operator's test call.
 */
public final class AttemptCsvWriter {
    private static final CsvTable<Attempt> TABLE = new CsvTable<Attempt>()
            .column("call_id", Attempt::callId)
            .column("campaign", Attempt::campaign)
            .column("account_id", Attempt::account)
            .column("number", Attempt::number)
            .column("time_zone", Attempt::zone)
            .column("debtor_local_time", Attempt::debtorLocalTime)
            .column("originated_at", Attempt::originatedAt)
            .column("answered_at", Attempt::answeredAt)
            .column("bridged_at", Attempt::bridgedAt)
            .column("ended_at", Attempt::endedAt)
            .column("outcome", Attempt::outcome)
            .column("disposition", Attempt::disposition)
            .column("agent", Attempt::agent)
            .column("abandoned", Attempt::abandoned)
            .column("promise_amount", a -> a.promiseAmount() == null ? null : a.promiseAmount().toDecimal().toPlainString())
            .column("promise_currency", a -> a.promiseAmount() == null ? null : a.promiseAmount().currency().getCurrencyCode())
            .column("promise_date", Attempt::promiseDate)
            .column("flow_version", Attempt::flowVersion)
            .column("rules_version", a -> a.dialContext() == null ? null : a.dialContext().rulesVersion())
            .column("counted_7d", a -> a.dialContext() == null ? null : a.dialContext().countedIn7Days())
            .column("connected_today", a -> a.dialContext() == null ? null : a.dialContext().connectedToday())
            .column("unanswered_number_today",
                    a -> a.dialContext() == null ? null : a.dialContext().unansweredOnNumberToday())
            .column("location_call", Attempt::locationCall)
            .column("connected", Attempt::connected)
            .column("rpc", Attempt::rightParty)
            .column("disclosed", Attempt::disclosed)
            .column("time_zones", a -> String.join(";", a.timeZones().stream().map(java.time.ZoneId::getId).toList()))
            .column("originate_accepted_at", Attempt::originateAcceptedAt)
            .column("test", Attempt::test);

    /** Writes a header and one row per attempt; the writer is flushed and closed. */
    public void write(Iterable<Attempt> attempts, Writer out) {
        TABLE.write(attempts, out);
    }

    /**
     * Writes a header and a row for each attempt {@code source} hands over, as it comes (nothing is held in memory);
     * the writer is flushed and closed. Returns how many rows were written.
     */
    public long write(java.util.function.Consumer<java.util.function.Consumer<Attempt>> source, Writer out) {
        return TABLE.write(source, out);
    }
}
