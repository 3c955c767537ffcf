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
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
        var rows = CsvRows.read(source, in);
        if (rows.isEmpty()) {
            throw new ImportRejectedException(source, List.of(new ImportError(1, "(file)", "is empty (expected a header row)")));
        }
        var header = rows.get(0);
        var columns = CsvHeader.index(source, header, COLUMNS, Set.of());
        if (rows.size() == 1) {
            throw new ImportRejectedException(source, List.of(new ImportError(header.line(), "(file)",
                    "has a header but no payments (expected at least one record)")));
        }
        var errors = new ArrayList<ImportError>();
        var payments = new ArrayList<Payment>();
        var firstLineOfReference = new HashMap<String, Integer>();
        for (var row : rows.subList(1, rows.size())) {
            if (row.cells().size() != header.cells().size()) {
                errors.add(new ImportError(row.line(), "(record)", "has " + row.cells().size()
                        + " values (expected " + header.cells().size() + ", one per header column)"));
                continue;
            }
            var payment = new RecordReader(row, columns, errors).payment();
            if (payment == null) {
                continue;
            }
            var earlier = firstLineOfReference.putIfAbsent(payment.reference(), row.line());
            if (earlier != null) {
                errors.add(new ImportError(row.line(), "reference",
                        "'" + payment.reference() + "' is a duplicate (first on line " + earlier + ")"));
            } else {
                payments.add(payment);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(source, errors);
        }
        return payments;
    }

    /** Parses one record's fields, adding an error per bad field; returns null if any field was bad. */
    private static final class RecordReader {
        private final CsvRows.Row row;
        private final Map<String, Integer> columns;
        private final List<ImportError> errors;
        private boolean failed;

        RecordReader(CsvRows.Row row, Map<String, Integer> columns, List<ImportError> errors) {
            this.row = row;
            this.columns = columns;
            this.errors = errors;
        }

        Payment payment() {
            var account = field("account_id", AccountId::new);
            var currency = field("currency", AccountFields::currency);
            var amount = currency == null ? null : field("amount", raw -> positive(raw, currency));
            var paidAt = field("paid_at", PaymentCsvReader::instant);
            var reference = field("reference", PaymentCsvReader::reference);
            return failed ? null : new Payment(account, amount, paidAt, reference);
        }

        private <T> T field(String column, Function<String, T> parse) {
            var raw = row.cells().get(columns.get(column)).strip();
            try {
                return parse.apply(raw);
            } catch (IllegalArgumentException | DateTimeException e) {
                errors.add(new ImportError(row.line(), column, e.getMessage()));
                failed = true;
                return null;
            }
        }
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
