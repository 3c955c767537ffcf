package io.duecall.adapter.csv;

import java.util.List;

/**
 * What one record of an import file may hold, so that no file can make the engine keep or dial without bound: the
 * bytes in a cell (UTF-8), the numbers and third-party contacts of an account, and the payments in one feed.
 *
 * @param maxCellBytes          {@code imports.maxCellBytes}: the longest cell, in UTF-8 bytes
 * @param maxPhonesPerAccount   {@code imports.maxPhonesPerAccount}: numbers in an account's {@code phones}
 * @param maxContactsPerAccount {@code imports.maxContactsPerAccount}: entries in an account's {@code contacts}
 * @param maxPaymentsPerFeed    {@code imports.maxPaymentsPerFeed}: payments in one feed (CSV file or API request),
 *                              which is checked whole in memory before anything is recorded
 */
public record ImportLimits(int maxCellBytes, int maxPhonesPerAccount, int maxContactsPerAccount, int maxPaymentsPerFeed) {
    public ImportLimits {
        var problems = problems(maxCellBytes, maxPhonesPerAccount, maxContactsPerAccount, maxPaymentsPerFeed);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * 4 KiB a cell (ten contacts with names and numbers take about 600 bytes), 10 numbers and 10 contacts an account
     * (a debtor's mobile, home and work numbers with room to spare), and 100,000 payments a feed (a day's payments
     * of a large lender, about 30 MB of memory while checked).
     */
    public static ImportLimits defaults() {
        return new ImportLimits(4_096, 10, 10, 100_000);
    }

    /** Every value out of range, each naming its key. */
    public static List<String> problems(int maxCellBytes, int maxPhonesPerAccount, int maxContactsPerAccount,
            int maxPaymentsPerFeed) {
        var problems = new java.util.ArrayList<String>();
        check(problems, "imports.maxCellBytes", maxCellBytes, 256, 1_048_576);
        check(problems, "imports.maxPhonesPerAccount", maxPhonesPerAccount, 1, 100);
        check(problems, "imports.maxContactsPerAccount", maxContactsPerAccount, 0, 100);
        check(problems, "imports.maxPaymentsPerFeed", maxPaymentsPerFeed, 1, 10_000_000);
        return problems;
    }

    private static void check(List<String> problems, String key, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(key + ": " + value + " (expected " + min + " to " + max + ")");
        }
    }
}
