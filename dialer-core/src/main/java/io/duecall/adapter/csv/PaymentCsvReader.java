package io.duecall.adapter.csv;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PaymentProblem;
import io.duecall.port.ImportRejectedException;
import io.duecall.port.PaymentFile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * Reads a lender's payment feed (header row, then one payment per record) and validates the whole file before
 * returning anything: every bad field and repeated reference is reported with its line and column. Amounts are
 * ASCII digits with at most the currency's decimals, up to {@link Money#CEILING_MINOR}; a feed holds at most
 * {@link ImportLimits#maxPaymentsPerFeed()} payments.
 */
public final class PaymentCsvReader implements PaymentFile {
    public static final List<String> COLUMNS = List.of("account_id", "amount", "currency", "paid_at", "reference");

    private final ImportLimits limits;

    public PaymentCsvReader() {
        this(ImportLimits.defaults());
    }

    public PaymentCsvReader(ImportLimits limits) {
        this.limits = limits;
    }

    public List<Payment> read(Path file) {
        return readLines(file).stream().map(Line::payment).toList();
    }

    /** Returns every payment in the file, or throws {@link ImportRejectedException} listing every problem. */
    public List<Payment> read(String source, Reader in) {
        return readLines(source, in).stream().map(Line::payment).toList();
    }

    @Override
    public List<Line> readLines(Path file) {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readLines(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Every payment with its line, or throws {@link ImportRejectedException} listing every problem. */
    public List<Line> readLines(String source, Reader in) {
        var lines = new ArrayList<Line>();
        var shape = new CsvRecords.Shape<>(COLUMNS, Set.of(), "payments", PaymentCsvReader::payment,
                new CsvRecords.UniqueKey<>("reference", Payment::reference), limits.maxPaymentsPerFeed(),
                "imports.maxPaymentsPerFeed");
        CsvRecords.read(source, in, shape, limits.maxCellBytes(), record -> lines.add(new Line(record.line(), record.value())));
        return lines;
    }

    @Override
    public String column(PaymentProblem.Field field) {
        return switch (field) {
            case ACCOUNT -> "account_id";
            case AMOUNT -> "amount";
            case CURRENCY -> "currency";
            case PAID_AT -> "paid_at";
            case REFERENCE -> "reference";
        };
    }

    /** One record's payment, or null when any field was bad (each bad field recorded). */
    private static Payment payment(CsvRecords.Fields f) {
        var account = f.get("account_id", AccountId::new);
        var currency = f.get("currency", AccountFields::currency);
        var amount = currency == null ? null : f.get("amount", raw -> positive(raw, currency));
        var paidAt = f.get("paid_at", PaymentCsvReader::instant);
        var reference = f.get("reference", PaymentCsvReader::reference);
        return f.failed() ? null : new Payment(account, amount, paidAt, reference);
    }

    private static Money positive(String raw, Currency currency) {
        var amount = Money.parse(raw, currency);
        if (amount.minor() == 0) {
            throw new IllegalArgumentException("'" + raw + "' (expected an amount more than 0)");
        }
        return amount;
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + raw + "' (expected an ISO-8601 instant such as 2026-11-24T17:45:00Z)", e);
        }
    }

    private static String reference(String raw) {
        if (!raw.matches("[A-Za-z0-9._:/-]{1,100}")) {
            throw new IllegalArgumentException("'" + raw + "' (expected 1-100 characters of A-Z a-z 0-9 . _ : / -)");
        }
        return raw;
    }
}
