package io.duecall.engine;

import io.duecall.adapter.ami.AmiTimings;
import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.csv.AttemptCsvWriter;
import io.duecall.adapter.csv.ImportLimits;
import io.duecall.adapter.csv.PromiseCsvWriter;
import io.duecall.adapter.csv.NumberListCsvReader;
import io.duecall.app.Eligibility;
import io.duecall.app.ImportAccounts;
import io.duecall.app.ListDoNotCall;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AccountStore;
import io.duecall.port.AttemptLedger;
import io.duecall.port.PromiseStore;
import io.duecall.port.SuppressionStore;
import io.duecall.web.AccountImports;
import io.duecall.web.CsvExports;
import io.duecall.web.TelephonyMeters;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;

/**
 * What the operations server needs from the engine's adapters, behind the server's own interfaces: the CSV reader
 * and writers of the command line, and the AMI timings feeding the telephony meters.
 */
final class OpsAdapters {
    private OpsAdapters() {}

    /**
     * The command line's readers and all-or-nothing imports, their refusals translated for the API. An accounts file
     * is checked against the campaign's own calling window for numbers that can never be dialed.
     */
    static AccountImports imports(AccountStore accounts, SuppressionStore suppression, Eligibility eligibility,
            Clock clock, ImportLimits limits) {
        return new AccountImports() {
            @Override
            public ImportAccounts.Summary importCsv(CampaignId campaign, String region, Reader csv) {
                var window = eligibility.rules(campaign).window();
                try {
                    return new ImportAccounts(new AccountCsvReader(region, limits), accounts, clock, window,
                            /* strict= */ false).importReader(campaign, "upload", csv);
                } catch (io.duecall.port.ImportRejectedException e) {
                    throw new AccountImports.ImportRejectedException(e.errors(), e.count(), e);
                }
            }

            @Override
            public ListDoNotCall.Result doNotCall(String reason, String region, Reader csv, String source) {
                try {
                    var numbers = new NumberListCsvReader(region).read("upload", csv);
                    return new ListDoNotCall(suppression, clock).list(numbers, reason, source);
                } catch (io.duecall.port.ImportRejectedException e) {
                    throw new AccountImports.ImportRejectedException(e.errors(), e.count(), e);
                }
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
