package io.duecall.bench;

import io.duecall.domain.account.E164;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes an accounts CSV of any size for the benchmarks: New York debtors with valid numbers, ids
 * {@code <prefix>-<n>}. Numbers repeat from a pool of valid ones, which the import allows.
 */
final class BenchAccounts {
    static final String HEADER = "account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due\n";
    private static final int NUMBER_POOL = 5_000;

    private BenchAccounts() {}

    static void write(Writer out, String idPrefix, int count, LocalDate today, long seed) throws IOException {
        var random = new Random(seed);
        var numbers = numbers(random);
        out.write(HEADER);
        var line = new StringBuilder(128);
        for (int i = 0; i < count; i++) {
            int dpd = 1 + random.nextInt(29);
            line.setLength(0);
            line.append(idPrefix).append('-').append(i).append(",Debtor ").append(i).append(",mobile:")
                    .append(numbers.get(random.nextInt(numbers.size()))).append(",America/New_York,")
                    .append(50 + random.nextInt(1950)).append('.').append(10 + random.nextInt(90)).append(",USD,")
                    .append(today.minusDays(dpd)).append(',').append(dpd).append('\n');
            out.append(line);
        }
    }

    /** The numeric part of an id written by {@link #write}. */
    static int index(String accountId) {
        return Integer.parseInt(accountId.substring(accountId.lastIndexOf('-') + 1));
    }

    private static List<String> numbers(Random random) {
        var numbers = new ArrayList<String>(NUMBER_POOL);
        while (numbers.size() < NUMBER_POOL) {
            var candidate = "+1212" + (2 + random.nextInt(8)) + String.format("%06d", random.nextInt(1_000_000));
            try {
                numbers.add(E164.parse(candidate, null).value());
            } catch (IllegalArgumentException notAssigned) {
                // Draw again: not every digit string is an assigned range.
            }
        }
        return numbers;
    }
}
