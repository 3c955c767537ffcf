package io.duecall.adapter.csv;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.promise.Payment;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * Reads a lender's payment feed (header row, then one payment per record) and validates the whole file before
 * returning anything: every bad field and repeated reference is reported with its line and column.
 */
public final class PaymentCsvReader {
    public static final List<String> COLUMNS = List.of("account_id", "amount", "currency", "paid_at", "reference");

    public List<Payment> read(Path file) {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Returns every payment in the file, or throws {@link ImportRejectedException} listing every problem. */
    public List<Payment> read(String source, Reader in) {
        return CsvRecords.read(source, in, COLUMNS, Set.of(), "payments", PaymentCsvReader::payment,
                new CsvRecords.UniqueKey<>("reference", Payment::reference));
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
        if (raw.startsWith("-") || Money.parse(raw, currency).minor() == 0) {
            throw new IllegalArgumentException("'" + raw + "' (expected an amount more than 0)");
        }
        return Money.parse(raw, currency);
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
