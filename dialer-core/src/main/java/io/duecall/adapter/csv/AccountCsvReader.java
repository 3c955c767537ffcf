package io.duecall.adapter.csv;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.SecondFactor;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a lender's account export (header row, then one account per record) and validates the whole file before
 * returning anything: every bad field, duplicate id and header problem is reported with its line and column.
 */
public final class AccountCsvReader {
    public static final List<String> COLUMNS = List.of(
            "account_id", "debtor_name", "phones", "time_zone", "amount_due", "currency", "due_date", "days_past_due",
            "region", "flags", "language", "birth_year", "id_last4", "contacts");
    private static final Set<String> OPTIONAL_COLUMNS =
            Set.of("time_zone", "region", "flags", "language", "birth_year", "id_last4", "contacts");

    private final String defaultRegion;

    /** {@code defaultRegion} is the ISO 3166 region for numbers given in national form, such as "US". */
    public AccountCsvReader(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public List<Account> read(Path file) {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Returns every account in the file, or throws {@link ImportRejectedException} listing every problem. */
    public List<Account> read(String source, Reader in) {
        var rows = CsvRows.read(source, in);
        if (rows.isEmpty()) {
            throw new ImportRejectedException(source, List.of(new ImportError(1, "(file)", "is empty (expected a header row)")));
        }
        var header = rows.get(0);
        var columns = CsvHeader.index(source, header, COLUMNS, OPTIONAL_COLUMNS);
        if (rows.size() == 1) {
            throw new ImportRejectedException(source, List.of(new ImportError(header.line(), "(file)",
                    "has a header but no accounts (expected at least one record)")));
        }
        var errors = new ArrayList<ImportError>();
        var accounts = new ArrayList<Account>();
        var firstLineOfId = new HashMap<AccountId, Integer>();
        for (var row : rows.subList(1, rows.size())) {
            if (row.cells().size() != header.cells().size()) {
                errors.add(new ImportError(row.line(), "(record)", "has " + row.cells().size()
                        + " values (expected " + header.cells().size() + ", one per header column)"));
                continue;
            }
            var account = new RecordReader(row, columns, errors).account();
            if (account == null) {
                continue;
            }
            var earlier = firstLineOfId.putIfAbsent(account.id(), row.line());
            if (earlier != null) {
                errors.add(new ImportError(row.line(), "account_id",
                        "'" + account.id() + "' is a duplicate (first on line " + earlier + ")"));
            } else {
                accounts.add(account);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(source, errors);
        }
        return accounts;
    }

    /** Parses one record's fields, adding an error per bad field; returns null if any field was bad. */
    private final class RecordReader {
        private final CsvRows.Row row;
        private final Map<String, Integer> columns;
        private final List<ImportError> errors;
        private boolean failed;

        RecordReader(CsvRows.Row row, Map<String, Integer> columns, List<ImportError> errors) {
            this.row = row;
            this.columns = columns;
            this.errors = errors;
        }

        Account account() {
            var id = field("account_id", AccountId::new);
            var name = field("debtor_name", AccountFields::debtorName);
            var phones = field("phones", raw -> AccountFields.phones(raw, defaultRegion));
            var zone = optional("time_zone", AccountFields::zone);
            var currency = field("currency", AccountFields::currency);
            var amount = currency == null ? null : field("amount_due", raw -> Money.parse(raw, currency));
            var dueDate = field("due_date", AccountFields::date);
            var daysPastDue = field("days_past_due", AccountFields::daysPastDue);
            var region = optional("region", AccountFields::region);
            var flags = optional("flags", AccountFields::flags);
            var language = optional("language", AccountFields::language);
            var birthYear = optional("birth_year", AccountFields::birthYear);
            var idLast4 = optional("id_last4", AccountFields::idLast4);
            var contacts = optional("contacts", raw -> AccountFields.contacts(raw, defaultRegion));
            if (failed) {
                return null;
            }
            try {
                return new Account(id, name, phones, zone, amount, dueDate, daysPastDue, region,
                        flags.orElse(Set.of()), language, new SecondFactor(birthYear, idLast4),
                        contacts.orElse(List.of()));
            } catch (IllegalArgumentException e) {
                var column = e.getMessage().startsWith("contacts:") ? "contacts" : "(record)";
                errors.add(new ImportError(row.line(), column, e.getMessage()));
                return null;
            }
        }

        /** An optional column: empty when the file has no such column or the cell is blank. */
        private <T> Optional<T> optional(String column, Function<String, T> parse) {
            if (!columns.containsKey(column) || row.cells().get(columns.get(column)).isBlank()) {
                return Optional.empty();
            }
            return Optional.ofNullable(field(column, parse));
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
}
