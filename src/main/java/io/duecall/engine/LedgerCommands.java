package io.duecall.engine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The commands on the ledger, the payments and the promises; the work is in {@link Commands} and {@link PromiseCommands}. */
final class LedgerCommands {
    private LedgerCommands() {}

    @Command(name = "export-ledger", description = "write the attempt ledger's calls originated in [from, to) as CSV (from "
                + "PostgreSQL with ledger.postgres, streamed)")
    static final class ExportLedger implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;
        @Option(names = "--out", required = true, paramLabel = "CSV", description = "the file to write")
        Path target;
        @Option(names = "--from", paramLabel = "INSTANT", description = "the first instant (default: the beginning)")
        Instant from = Instant.EPOCH;
        @Option(names = "--to", paramLabel = "INSTANT", description = "the end, not included (default: no end)")
        Instant to = Instant.parse("9999-12-31T00:00:00Z");

        ExportLedger(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            if (!from.isBefore(to)) {
                throw new Main.UsageException("--from " + from + " is not before --to " + to);
            }
            return Commands.exportLedger(config.load(), target, from, to, out);
        }
    }

    @Command(name = "migrate", description = "create or upgrade the ledger's tables in ledger.postgres and its months' "
                + "partitions ahead (the engine also does so at start-up)")
    static final class Migrate implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;

        Migrate(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return Commands.migrate(config.load(), out);
        }
    }

    @Command(name = "payments", description = "record a payment feed (all or nothing; each reference once) and settle the "
                + "promises it pays")
    static final class Payments implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;
        @Option(names = "--file", required = true, paramLabel = "CSV", description = "the payment feed")
        Path file;

        Payments(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return PromiseCommands.payments(config.load(), file, out);
        }
    }

    @Command(name = "promises-sweep", description = "break the unpaid promises whose date is over and queue their accounts again now, "
                + "as the engine's daily sweep does")
    static final class PromisesSweep implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;

        PromisesSweep(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return PromiseCommands.sweep(config.load(), out);
        }
    }

    @Command(name = "promises-report", description = "promises made, kept, broken and paid by campaign and day")
    static final class PromisesReport implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;
        @Option(names = "--out", paramLabel = "CSV", description = "also write the rows to this file")
        Path target;

        PromisesReport(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return PromiseCommands.report(config.load(), target, out);
        }
    }
}
