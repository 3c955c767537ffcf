package io.duecall.demo;

import io.duecall.engine.Main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./duecall simulate} on a generated portfolio that is hard on the rules: zones either side of the date line,
 * half-hour and 45-minute offsets, Lord Howe's 30-minute daylight saving ending during the run, Australian mobiles
 * judged in every mainland zone (their peaks never overlap), a holiday, and a do-not-call list added mid-run.
 */
class SimulateCommandTest {
    private static final List<String> ZONES = List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Chatham",
            "Pacific/Tongatapu", "Asia/Kathmandu", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns",
            "America/New_York", "Pacific/Honolulu", "Europe/London", "Australia/Eucla");
    private static final Instant START = Instant.parse("2027-03-25T00:00:00Z");
    private static final int DAYS = 14;
    private static final int SINGLE_ZONE = 120;
    private static final int MULTI_ZONE = 30;

    @TempDir
    Path dir;

    @Test
    void aHardPortfolioBreaksNoRuleAndMultiZoneNumbersAreNotStarved() throws IOException {
        var config = Files.writeString(dir.resolve("duecall.yaml"), """
                scheduler:
                  holidays: [2027-03-29]
                campaigns:
                  - { id: reminders, companyName: Acme Lending, callbackNumber: "18005550100", channelLimit: 25 }
                """);
        var random = new Random(17);
        var csv = new StringBuilder("account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due\n");
        var dnc = new StringBuilder("number\n");
        var listed = new HashSet<String>();
        for (int i = 0; i < SINGLE_ZONE; i++) {
            var number = "+1415555" + (1000 + i);
            csv.append("s-").append(i).append(",Debtor ").append(i).append(",mobile:").append(number).append(',')
                    .append(ZONES.get(i % ZONES.size())).append(",120.00,USD,2027-03-01,").append(1 + random.nextInt(40))
                    .append('\n');
            if (i % 10 == 3) {
                dnc.append(number).append('\n');
                listed.add(number);
            }
        }
        for (int i = 0; i < MULTI_ZONE; i++) {
            csv.append("m-").append(i).append(",Debtor M").append(i).append(",mobile:+61412").append(100_000 + i)
                    .append(",,300.00,AUD,2027-03-01,").append(1 + random.nextInt(40)).append('\n');
        }
        var accounts = Files.writeString(dir.resolve("accounts.csv"), csv);
        var suppress = Files.writeString(dir.resolve("dnc.csv"), dnc);
        var out = dir.resolve("out");
        var printed = new ByteArrayOutputStream();

        int exit = Main.run(List.of("simulate", "--config", config.toString(), "--accounts", accounts.toString(),
                "--start", START.toString(), "--days", Integer.toString(DAYS), "--suppress", suppress.toString(),
                "--suppress-after-days", "5", "--out", out.toString()),
                new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

        var report = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, report);
        assertTrue(report.contains("Total violations: 0"), report);
        assertTrue(Files.readString(out.resolve("audit.txt")).contains("Total violations: 0"));
        var ledger = Files.readAllLines(out.resolve("ledger.csv"));
        var header = List.of(ledger.getFirst().split(","));
        int account = header.indexOf("account_id");
        int number = header.indexOf("number");
        int originated = header.indexOf("originated_at");
        int zones = header.indexOf("time_zones");
        var dials = new HashMap<Character, Integer>();
        var listedAt = START.plus(Duration.ofDays(5));
        int multiZoneLines = 0;
        for (var line : ledger.subList(1, ledger.size())) {
            var cells = line.split(",", -1);
            dials.merge(cells[account].charAt(0), 1, Integer::sum);
            var dialed = cells[number].replace("\"", "");
            assertTrue(!listed.contains(dialed) || Instant.parse(cells[originated]).isBefore(listedAt),
                    "a listed number dialed after the listing: " + line);
            if (cells[account].startsWith("m-")) {
                multiZoneLines++;
                assertTrue(cells[zones].split(";").length > 3, "judged in every zone of the number: " + line);
            }
        }
        double single = dials.getOrDefault('s', 0) / (double) SINGLE_ZONE;
        double multi = dials.getOrDefault('m', 0) / (double) MULTI_ZONE;
        assertTrue(multiZoneLines > 0, report);
        assertTrue(multi >= single / 2, "multi-zone accounts dialed " + multi + " times each, single-zone " + single
                + "\n" + report);
        assertTrue(Set.of(Files.readAllLines(out.resolve("promises.csv")).getFirst().split(",")).contains("call_id"));
    }
}
