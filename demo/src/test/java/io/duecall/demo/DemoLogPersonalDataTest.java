package io.duecall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * Runs the demo's wiring for a few seconds and reads everything it logged and printed for the debtors of its accounts
 * files: no phone number (whole, without its {@code +}, or its last ten digits) and no debtor's name.
 */
class DemoLogPersonalDataTest {
    private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private final String prefix = "duecall-logscan-" + UUID.randomUUID();

    @TempDir
    Path out;

    @AfterEach
    void removeKeys() {
        try (var redis = DevRedis.provision(); var jedis = new JedisPooled(redis.uri())) {
            KeyspaceCleaner.deleteAll(jedis, prefix);
        }
    }

    // Issue 18: phone numbers appeared in the log inside asterisk-java's error line whenever an IVR script failed.
    @Test
    void theDemosLogHoldsNoPhoneNumberAndNoNameOfItsDebtors() throws Exception {
        var options = new Demo.Options(240, Duration.ofSeconds(8), 60, 23, Instant.parse("2026-11-24T17:45:00Z"), out,
                prefix);
        var console = new ByteArrayOutputStream();
        var log = new ByteArrayOutputStream();
        var original = System.err;
        DemoReport report;
        System.setErr(new PrintStream(tee(log, original), true, StandardCharsets.UTF_8));
        try {
            report = Demo.run(options, new PrintStream(console, true, StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }

        var text = log.toString(StandardCharsets.UTF_8) + console.toString(StandardCharsets.UTF_8);
        var debtors = debtorsIn(out);
        var leaks = new ArrayList<String>();
        for (var number : debtors.numbers()) {
            var digits = number.substring(1);
            for (var form : List.of(digits, digits.substring(Math.max(0, digits.length() - 10)))) {
                if (text.contains(form)) {
                    leaks.add(number + " (as " + form + ")");
                }
            }
        }
        debtors.names().stream().filter(text::contains).forEach(name -> leaks.add("name " + name));

        assertTrue(report.dialsPlaced() > 50, "the demo dialed: " + report.dialsPlaced());
        assertTrue(debtors.numbers().size() >= 240, "numbers read from the accounts files: " + debtors.numbers().size());
        System.out.printf("demo log scan: %d lines logged and printed, %d numbers and %d names of the accounts files"
                + " looked for, %d found%n", text.lines().count(), debtors.numbers().size(), debtors.names().size(),
                leaks.size());
        assertEquals(List.of(), leaks, "personal data in the demo's log:\n" + leakingLines(text, leaks));
    }

    private record Debtors(Set<String> numbers, Set<String> names) {}

    private static Debtors debtorsIn(Path dir) throws IOException {
        var numbers = new LinkedHashSet<String>();
        var names = new LinkedHashSet<String>();
        try (var files = Files.newDirectoryStream(dir, "demo-accounts-*.csv")) {
            for (var file : files) {
                var lines = Files.readAllLines(file);
                for (var line : lines.subList(1, lines.size())) {
                    names.add(line.split(",", -1)[1]);
                    var numberMatcher = NUMBER.matcher(line);
                    while (numberMatcher.find()) {
                        numbers.add(numberMatcher.group());
                    }
                }
            }
        }
        return new Debtors(numbers, names);
    }

    private static String leakingLines(String text, List<String> leaks) {
        var forms = leaks.stream().map(l -> l.replaceAll(".*\\(as (\\d+)\\)", "$1").replace("name ", "")).toList();
        return String.join("\n", text.lines().filter(l -> forms.stream().anyMatch(l::contains)).limit(20).toList());
    }

    private static OutputStream tee(ByteArrayOutputStream captured, PrintStream console) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                console.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (captured) {
                    captured.write(b, off, len);
                }
                console.write(b, off, len);
            }
        };
    }
}
