package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.adapter.csv.ImportLimits;
import java.util.List;

/**
 * {@code imports:}: what one record of an imported file may hold ({@link ImportLimits}): bytes in a cell, numbers
 * and contacts of an account, payments in one feed.
 */
public record ImportSettings(Integer maxCellBytes, Integer maxPhonesPerAccount, Integer maxContactsPerAccount,
        Integer maxPaymentsPerFeed) {

    public static ImportSettings defaults() {
        var d = ImportLimits.defaults();
        return new ImportSettings(d.maxCellBytes(), d.maxPhonesPerAccount(), d.maxContactsPerAccount(),
                d.maxPaymentsPerFeed());
    }

    public ImportSettings withDefaults() {
        var d = defaults();
        return new ImportSettings(or(maxCellBytes, d.maxCellBytes()), or(maxPhonesPerAccount, d.maxPhonesPerAccount()),
                or(maxContactsPerAccount, d.maxContactsPerAccount()), or(maxPaymentsPerFeed, d.maxPaymentsPerFeed()));
    }

    void validate(List<String> errors) {
        errors.addAll(ImportLimits.problems(maxCellBytes, maxPhonesPerAccount, maxContactsPerAccount, maxPaymentsPerFeed));
    }

    /** The limits; call on a validated section with its defaults filled in. */
    public ImportLimits limits() {
        return new ImportLimits(maxCellBytes, maxPhonesPerAccount, maxContactsPerAccount, maxPaymentsPerFeed);
    }
}
