package io.duecall.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryPaymentStore;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.app.RecordPayments;
import io.duecall.domain.promise.PaymentsRejectedException;
import io.duecall.port.Fixtures;
import io.duecall.port.ImportRejectedException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing the accounts and payments CSV parsers with arbitrary text, arbitrary bytes and valid files with random
 * damage (quotes, separators, formula prefixes, other scripts' digits, huge cells, BOMs, NULs): every input is
 * either read or rejected with {@link ImportRejectedException} naming a line and a field, never anything else, and
 * memory stays bounded. The run prints how many inputs each parser was given and how many failed.
 */
class CsvImportFuzzTest {
    private static final String ACCOUNTS = """
            account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due,region,flags,language,birth_year,id_last4,contacts
            A-1,Dana Diaz,mobile:+12125550123;home:+12125550124,America/New_York,125.50,USD,2026-11-01,22,NY,,es,1980,1234,spouse:Sam Diaz:+12125550125
            A-2,Ola Berg,work:+442079460000,Europe/London,10.00,GBP,2026-10-01,40,,dispute,,,,
            """;
    private static final String PAYMENTS = """
            account_id,amount,currency,paid_at,reference
            A-1,50.00,USD,2025-03-12T18:00:00Z,bank-1
            A-2,7.5,GBP,2025-03-12T18:00:00.5Z,bank:2025/2
            """;
    private static final List<String> FRAGMENTS = List.of("\"", ",", "\n", "\r\n", "\r", ";", ":", "=", "+", "-", "@",
            "\t", "١٢٣", "１２", "\uFEFF", "\u0000", "\uD83D\uDE00", "99999999999999999999.99", "92233720368547758.07",
            "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "x".repeat(5_000), "é".repeat(3_000),
            "mobile:+12125550123;".repeat(20), "spouse:A:+12125550123;".repeat(20), "\"\"", ",,,,,,,,,,,,,,,,", "XAU",
            "Etc/GMT+5", "9999-12-31", "0.001");
    private static final AtomicInteger ACCOUNT_INPUTS = new AtomicInteger();
    private static final AtomicInteger ACCOUNT_FAILURES = new AtomicInteger();
    private static final AtomicInteger PAYMENT_INPUTS = new AtomicInteger();
    private static final AtomicInteger PAYMENT_FAILURES = new AtomicInteger();

    @Property(tries = 1_500)
    void accountsParserReadsOrRejectsEveryInputClearly(@ForAll("accountInputs") Input input) {
        ACCOUNT_INPUTS.incrementAndGet();
        var reader = new AccountCsvReader("US");

        var failure = outcome(input, in -> reader.read("accounts.csv", in));

        count(failure, ACCOUNT_FAILURES);
    }

    @Property(tries = 1_500)
    void paymentsParserAndFeedReadOrRejectEveryInputClearly(@ForAll("paymentInputs") Input input) {
        PAYMENT_INPUTS.incrementAndGet();
        var accounts = new InMemoryAccountStore();
        accounts.importAccounts(Fixtures.CAMPAIGN, List.of(Fixtures.account("A-1"), Fixtures.account("A-2")), Fixtures.T0);
        var feed = new RecordPayments(new PaymentCsvReader(), new InMemoryPaymentStore(), new InMemoryPromiseStore(),
                accounts, List.of(Fixtures.CAMPAIGN), new VirtualClock(Instant.parse("2025-03-13T00:00:00Z")));

        var failure = outcome(input, in -> {
            try {
                return feed.record(new PaymentCsvReader().read("payments.csv", in));
            } catch (PaymentsRejectedException e) {
                assertTrue(e.problems().stream().allMatch(p -> p.entry() >= 0 && !p.message().isBlank()), e.getMessage());
                return e;
            }
        });

        count(failure, PAYMENT_FAILURES);
    }

    /** A stream far larger than any limit (one quoted cell that never ends) is refused without reading it into memory. */
    @Example
    void endlessCellIsRefusedWithinABoundedHeap() {
        var before = usedHeapAfterGc();
        var endless = new Reader() {
            private long left = 200L << 20;
            private boolean opened;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, 'x');
                if (!opened) {
                    String start = "account_id,debtor_name,phones,amount_due,currency,due_date,days_past_due\n\"";
                    start.getChars(0, start.length(), buffer, offset);
                    opened = true;
                }
                left -= n;
                return n;
            }

            @Override
            public void close() {}
        };

        var rejected = org.junit.jupiter.api.Assertions.assertThrows(ImportRejectedException.class,
                () -> new AccountCsvReader("US").read("endless.csv", endless));

        assertTrue(rejected.getMessage().contains("far longer than 4096 bytes"), rejected.getMessage());
        assertTrue(usedHeapAfterGc() - before < 64L << 20, "heap grew by " + ((usedHeapAfterGc() - before) >> 20) + " MiB");
    }

    @AfterContainer
    static void printFigures() {
        System.out.printf("CSV fuzz: accounts parser %d inputs tried, %d failures; payments parser and feed %d inputs "
                + "tried, %d failures; heap after GC %d MiB%n", ACCOUNT_INPUTS.get(), ACCOUNT_FAILURES.get(),
                PAYMENT_INPUTS.get(), PAYMENT_FAILURES.get(), usedHeapAfterGc() >> 20);
    }

    /** Null when the input was read or clearly rejected; otherwise what went wrong. */
    private static Throwable outcome(Input input, Function<Reader, Object> parse) {
        try (var in = input.reader()) {
            parse.apply(in);
            return null;
        } catch (ImportRejectedException e) {
            var clear = e.count() > 0 && e.errors().stream().allMatch(error -> error.line() >= 0
                    && !error.field().isBlank() && !error.message().isBlank());
            return clear ? null : new AssertionError("unclear rejection: " + e.getMessage(), e);
        } catch (Exception | Error e) {
            return e;
        }
    }

    private static void count(Throwable failure, AtomicInteger failures) {
        if (failure != null) {
            failures.incrementAndGet();
            throw new AssertionError("not a clear rejection: " + failure, failure);
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** One fuzzed input: text, or bytes decoded as strict UTF-8 as a file is read. */
    record Input(String text, byte[] bytes) {
        Reader reader() {
            if (text != null) {
                return new StringReader(text);
            }
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new InputStreamReader(new ByteArrayInputStream(bytes), decoder);
        }

        @Override
        public String toString() {
            var shown = text != null ? text : new String(bytes, StandardCharsets.ISO_8859_1);
            return shown.length() > 300 ? shown.substring(0, 300) + "... (" + shown.length() + " chars)" : shown;
        }
    }

    @Provide
    Arbitrary<Input> accountInputs() {
        return inputs(ACCOUNTS);
    }

    @Provide
    Arbitrary<Input> paymentInputs() {
        return inputs(PAYMENTS);
    }

    private static Arbitrary<Input> inputs(String valid) {
        var text = Arbitraries.strings().ofMaxLength(400).map(s -> new Input(s, null));
        var bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(400).map(b -> new Input(null, b));
        var damagedBytes = damaged(valid).map(s -> {
            var raw = s.getBytes(StandardCharsets.UTF_8);
            if (raw.length > 0) {
                raw[s.length() % raw.length] = (byte) 0xC3;
            }
            return new Input(null, raw);
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, text),
                net.jqwik.api.Tuple.of(1, bytes),
                net.jqwik.api.Tuple.of(1, damagedBytes),
                net.jqwik.api.Tuple.of(6, damaged(valid).map(s -> new Input(s, null))));
    }

    /** The valid file with 1-8 fragments inserted or written over its characters at random places. */
    private static Arbitrary<String> damaged(String valid) {
        var edit = Combinators.combine(Arbitraries.integers().between(0, valid.length()), Arbitraries.of(FRAGMENTS),
                Arbitraries.integers().between(0, 3)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(8).map(edits -> {
            var text = new StringBuilder(valid);
            for (var e : edits) {
                int at = Math.min(e.at(), text.length());
                text.replace(at, Math.min(text.length(), at + e.overwrite()), e.fragment());
            }
            return text.toString();
        });
    }

    private record Edit(int at, String fragment, int overwrite) {}
}
