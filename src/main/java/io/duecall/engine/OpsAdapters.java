package io.duecall.engine;

import io.duecall.adapter.ami.AmiTimings;
import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.csv.AttemptCsvWriter;
import io.duecall.adapter.csv.ImportLimits;
import io.duecall.adapter.csv.PromiseCsvWriter;
import io.duecall.app.ImportAccounts;
import io.duecall.port.AccountStore;
import io.duecall.port.AttemptLedger;
import io.duecall.port.ImportRejectedException;
import io.duecall.port.PromiseStore;
import io.duecall.web.AccountImports;
import io.duecall.web.CsvExports;
import io.duecall.web.TelephonyMeters;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;

/**
 * What the operations server needs from the engine's adapters, behind the server's own interfaces: the CSV reader
 * and writers of the command line, and the AMI timings feeding the telephony meters.
 */
final class OpsAdapters {
    private OpsAdapters() {}

    /** The command line's reader and all-or-nothing import, its refusals translated for the API. */
    static AccountImports imports(AccountStore accounts, Clock clock, ImportLimits limits) {
        return (campaign, region, csv) -> {
            try {
                return new ImportAccounts(new AccountCsvReader(region, limits), accounts, clock).fromReader(campaign,
                        "upload", csv);
            } catch (ImportRejectedException e) {
                throw new AccountImports.ImportRejectedException(
                        e.errors().stream().map(Object::toString).toList(), e);
            }
        };
    }

    static CsvExports exports(AttemptLedger ledger, PromiseStore promises) {
        return new CsvExports() {
            @Override
            public void ledger(Writer out) {
                if (ledger instanceof io.duecall.app.ArchivedLedger archived) {
                    // Years of lines: streamed from PostgreSQL as they are read, never held whole.
                    new AttemptCsvWriter().write(sink -> archived.forEach(java.time.Instant.EPOCH,
                            java.time.Instant.parse("9999-12-31T00:00:00Z"), sink), out);
                } else {
                    new AttemptCsvWriter().write(ledger.readAll(), out);
                }
            }

            @Override
            public void promises(Writer out) {
                new PromiseCsvWriter().write(promises.all(), out);
            }

            @Override
            public void table(java.util.List<String> header, java.util.List<java.util.List<String>> rows, Writer out) {
                io.duecall.adapter.csv.TableCsvWriter.write(header, rows, out);
            }
        };
    }

    static AmiTimings timings(TelephonyMeters meters) {
        return new AmiTimings() {
            @Override
            public void actionAnswered(String action, Duration roundTrip) {
                meters.actionAnswered(action, roundTrip);
            }

            @Override
            public void eventHandled(String event, Duration lag) {
                meters.eventHandled(event, lag);
            }
        };
    }
}
