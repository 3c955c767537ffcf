package io.duecall.adapter.csv;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.SecondFactor;
import io.duecall.port.AccountFile;
import io.duecall.port.ImportRejectedException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a lender's account export (header row, then one account per record) and validates the whole file before
 * returning anything: every bad field, duplicate id and header problem is reported with its line and column.
 */
public final class AccountCsvReader implements AccountFile {
    public static final List<String> COLUMNS = List.of(
            "account_id", "debtor_name", "phones", "time_zone", "amount_due", "currency", "due_date", "days_past_due",
            "region", "flags", "language", "birth_year", "id_last4", "contacts");
    private static final Set<String> OPTIONAL_COLUMNS =
            Set.of("time_zone", "region", "flags", "language", "birth_year", "id_last4", "contacts");

    private final String defaultRegion;
    private final ImportLimits limits;

    /** {@code defaultRegion} is the ISO 3166 region for numbers given in national form, such as "US". */
    public AccountCsvReader(String defaultRegion) {
        this(defaultRegion, ImportLimits.defaults());
    }

    public AccountCsvReader(String defaultRegion, ImportLimits limits) {
        this.defaultRegion = defaultRegion;
        this.limits = limits;
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
        var accounts = new ArrayList<Account>();
        stream(source, in, accounts::add);
        return accounts;
    }

    /**
     * Reads the file one record at a time, handing each good account to {@code sink} in file order while the file
     * has no problem so far, and returns how many it read; at the end throws {@link ImportRejectedException} listing
     * every problem. Memory grows only with the ids seen (to find duplicates), never with the accounts.
     */
    @Override
    public int stream(String source, Reader in, Consumer<Account> sink) {
        return streamNumbered(source, in, (line, account) -> sink.accept(account));
    }

    /** As {@link #stream(String, Reader, Consumer)}, with the line each account starts on (the header is line 1). */
    public int streamNumbered(String source, Reader in, java.util.function.BiConsumer<Integer, Account> sink) {
        int[] count = {0};
        CsvRecords.read(source, in, shape(), limits.maxCellBytes(), record -> {
            count[0]++;
            sink.accept(record.line(), record.value());
        });
        return count[0];
    }

    private CsvRecords.Shape<Account> shape() {
        return new CsvRecords.Shape<>(COLUMNS, OPTIONAL_COLUMNS, "accounts", this::account,
                new CsvRecords.UniqueKey<>("account_id", account -> account.id().value()));
    }

    /** One record's account, or null when any field was bad (each bad field recorded). */
    private Account account(CsvRecords.Fields f) {
        var id = f.get("account_id", AccountId::new);
        var name = f.get("debtor_name", AccountFields::debtorName);
        var phones = f.get("phones", raw -> AccountFields.phones(raw, defaultRegion, limits.maxPhonesPerAccount()));
        var zone = f.optional("time_zone", AccountFields::zone);
        var currency = f.get("currency", AccountFields::currency);
        var amount = currency == null ? null : f.get("amount_due", raw -> Money.parse(raw, currency));
        var dueDate = f.get("due_date", AccountFields::date);
        var daysPastDue = f.get("days_past_due", AccountFields::daysPastDue);
        var region = f.optional("region", AccountFields::region);
        var flags = f.optional("flags", AccountFields::flags);
        var language = f.optional("language", AccountFields::language);
        var birthYear = f.optional("birth_year", AccountFields::birthYear);
        var idLast4 = f.optional("id_last4", AccountFields::idLast4);
        var contacts = f.optional("contacts", raw -> AccountFields.contacts(raw, defaultRegion, limits.maxContactsPerAccount()));
        if (f.failed()) {
            return null;
        }
        try {
            return new Account(id, name, phones, zone, amount, dueDate, daysPastDue, region,
                    flags.orElse(Set.of()), language, new SecondFactor(birthYear, idLast4),
                    contacts.orElse(List.of()));
        } catch (IllegalArgumentException e) {
            f.error(e.getMessage().startsWith("contacts:") ? "contacts" : "(record)", e.getMessage());
            return null;
        }
    }
}
