package io.duecall.engine;

import io.duecall.common.ProgressReporter;
import io.duecall.engine.config.EngineConfig;
import io.duecall.adapter.csv.PaymentCsvReader;
import io.duecall.adapter.csv.PromiseReportCsvWriter;
import io.duecall.adapter.quartz.QuartzHolidayCalendar;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPaymentStore;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.adapter.redis.RedisSuppressionStore;
import io.duecall.app.Eligibility;
import io.duecall.app.PromiseFollowUp;
import io.duecall.app.PromiseReport;
import io.duecall.app.RecordPayments;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.promise.PromiseFigures;
import io.duecall.domain.promise.PromiseState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The commands about promises and payments: record a payment feed, follow up broken promises, report. */
final class PromiseCommands {
    private PromiseCommands() {}

    static int payments(EngineConfig.Resolved config, Path file, PrintStream out) throws Exception {
        try (var redis = Commands.redis(config); var jedis = redis.connect()) {
            var keys = new RedisKeys(config.redis().keyPrefix());
            var feed = new RecordPayments(new PaymentCsvReader(config.imports()), new RedisPaymentStore(jedis, keys),
                    new RedisPromiseStore(jedis, keys), new RedisAccountStore(jedis, keys),
                    config.campaigns().list().stream().map(Campaign::id).toList(), Clock.systemUTC());
            RecordPayments.Result result;
            try (var progress = ProgressReporter.on(out, "payments " + file.getFileName(), 0)) {
                result = feed.fromFile(file, progress::update);
            }
            out.printf("recorded %d payments (%d already recorded); promises kept %d, partly kept %d; "
                    + "accounts paid in full %d%n", result.recorded(), result.alreadyRecorded(), result.kept(),
                    result.partlyKept(), result.paidInFull().size());
        }
        return 0;
    }

    /** The daily follow-up, run now: for catching up after the engine was down at its sweep time. */
    static int sweep(EngineConfig.Resolved config, PrintStream out) throws Exception {
        try (var redis = Commands.redis(config); var jedis = redis.connect()) {
            var keys = new RedisKeys(config.redis().keyPrefix());
            var ledger = new RedisAttemptLedger(jedis, keys);
            var eligibility = new Eligibility(ledger, new RedisSuppressionStore(jedis, keys),
                    config.campaigns().list(), new QuartzHolidayCalendar(config.scheduler().holidayDates()),
                    config.campaigns().rules());
            var followUp = new PromiseFollowUp(new RedisPromiseStore(jedis, keys), new RedisPaymentStore(jedis, keys),
                    new RedisAccountStore(jedis, keys), eligibility);
            var sweep = followUp.sweep(Clock.systemUTC().instant());
            var settled = sweep.settled();
            long broken = settled.stream().filter(f -> f.status().state() == PromiseState.BROKEN).count();
            long queued = settled.stream().filter(f -> f.queuedAt().isPresent()).count();
            out.printf("promises settled %d: kept %d, broken %d; accounts queued again %d%n", settled.size(),
                    settled.size() - broken, broken, queued);
            if (!sweep.skipped().isEmpty()) {
                out.printf("promises skipped %d (could not be settled; the others were):%n", sweep.skipped().size());
                sweep.skipped().forEach(s -> out.printf("  %s: %s%n", s.callId(), s.reason()));
                return 1;
            }
        }
        return 0;
    }

    static int report(EngineConfig.Resolved config, Path target, PrintStream out) throws Exception {
        try (var redis = Commands.redis(config); var jedis = redis.connect()) {
            var rows = new PromiseReport(new RedisPromiseStore(jedis, new RedisKeys(config.redis().keyPrefix())),
                    config.promises().zoneId()).rows();
            print(rows, config.promises().zoneId().getId(), out);
            if (target != null) {
                CsvOutput.write(target, writer -> new PromiseReportCsvWriter().write(rows, writer));
                out.printf("wrote %d rows to %s%n", rows.size(), target);
            }
        }
        return 0;
    }

    private static void print(List<PromiseFigures> rows, String zone, PrintStream out) {
        out.printf("promises by campaign and day made (%s)%n", zone);
        out.printf("%-20s %-10s %-3s %6s %14s %5s %6s %5s %6s %9s %9s %14s%n", "campaign", "day", "cur", "made",
                "promised", "open", "partly", "kept", "broken", "cancelled", "kept rate", "paid");
        for (var row : rows) {
            out.printf("%-20s %-10s %-3s %6d %14s %5d %6d %5d %6d %9d %9s %14s%n", row.campaign(), row.day(),
                    row.currency().getCurrencyCode(), row.made(), row.promised().toDecimal().toPlainString(), row.open(),
                    row.partlyKept(), row.kept(), row.broken(), row.cancelled(),
                    row.keptRate().map(rate -> rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%").orElse("-"),
                    row.paid().toDecimal().toPlainString());
        }
    }
}
