package io.duecall.demo;

import io.duecall.domain.account.E164;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Writes a seeded set of demo accounts as an import CSV, spread over debtors in several time zones. About a third
 * carry no zone column, so their zone comes from the number, as it does for many real portfolios.
 */
public final class DemoAccounts {
    private record Region(String zone, String currency, String countryCode, List<String> prefixes, int localDigits) {}

    private static final List<Region> REGIONS = List.of(
            new Region("America/New_York", "USD", "1", List.of("212", "646", "718"), 7),
            new Region("America/Chicago", "USD", "1", List.of("312", "773"), 7),
            new Region("America/Denver", "USD", "1", List.of("303", "720"), 7),
            new Region("America/Phoenix", "USD", "1", List.of("602", "480"), 7),
            new Region("America/Los_Angeles", "USD", "1", List.of("213", "415"), 7),
            new Region("America/Anchorage", "USD", "1", List.of("907"), 7),
            new Region("Pacific/Honolulu", "USD", "1", List.of("808"), 7),
            new Region("Europe/London", "GBP", "44", List.of("7700", "7911"), 6),
            new Region("Asia/Kolkata", "INR", "91", List.of("98", "99"), 8));
    private static final String[] FIRST = {"Ana", "Ben", "Chloe", "David", "Elif", "Farid", "Grace", "Hiro", "Ines",
        "Jamal", "Kavya", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq"};
    private static final String[] LAST = {"Almeida", "Brown", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes",
        "Iyer", "Jones", "Kim", "Lopez", "Murphy", "Nguyen", "Okafor", "Patel", "Rossi", "Smith", "Tanaka", "Walsh"};

    private DemoAccounts() {}

    /** Writes {@code count} accounts with ids {@code prefix-00001...}, days past due in [minDpd, maxDpd]. */
    public static void write(Writer out, String idPrefix, int count, int minDpd, int maxDpd, LocalDate today, long seed)
            throws IOException {
        write(out, idPrefix, count, minDpd, maxDpd, today, seed, REGIONS);
    }

    /** As above, with debtors only in the given zones (IANA ids among the demo's regions). */
    public static void write(Writer out, String idPrefix, int count, int minDpd, int maxDpd, LocalDate today, long seed,
            java.util.Set<String> zones) throws IOException {
        var regions = REGIONS.stream().filter(r -> zones.contains(r.zone())).toList();
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("zones: " + zones + " (expected some of the demo's regions)");
        }
        write(out, idPrefix, count, minDpd, maxDpd, today, seed, regions);
    }

    private static void write(Writer out, String idPrefix, int count, int minDpd, int maxDpd, LocalDate today, long seed,
            List<Region> regions) throws IOException {
        var random = new Random(seed);
        out.write("account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due\n");
        for (int i = 1; i <= count; i++) {
            var region = regions.get(random.nextInt(regions.size()));
            var name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            var phones = "mobile:" + number(region, random);
            if (random.nextInt(3) == 0) {
                phones += ";home:" + number(region, random);
            }
            var zone = random.nextInt(3) == 0 ? "" : region.zone();
            int dpd = minDpd + random.nextInt(maxDpd - minDpd + 1);
            var amount = (50 + random.nextInt(1950)) + "." + String.format("%02d", random.nextInt(100));
            out.write(String.format("%s-%05d,%s,%s,%s,%s,%s,%s,%d%n", idPrefix, i, name, phones, zone, amount,
                    region.currency(), today.minusDays(dpd), dpd));
        }
    }

    private static String number(Region region, Random random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            var prefix = region.prefixes().get(random.nextInt(region.prefixes().size()));
            var local = new StringBuilder();
            local.append(2 + random.nextInt(8));
            for (int d = 1; d < region.localDigits(); d++) {
                local.append(random.nextInt(10));
            }
            var candidate = "+" + region.countryCode() + prefix + local;
            try {
                return E164.parse(candidate, null).value();
            } catch (IllegalArgumentException invalid) {
                // Try another draw: not every digit string is an assigned number range.
            }
        }
        throw new IllegalStateException("no valid demo number for " + region.zone());
    }
}
