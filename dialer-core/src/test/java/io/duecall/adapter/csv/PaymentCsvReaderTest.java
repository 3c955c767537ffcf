package io.duecall.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.promise.Payment;
import io.duecall.port.ImportError;
import io.duecall.port.ImportRejectedException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentCsvReaderTest {
    private static final String HEADER = "account_id,amount,currency,paid_at,reference\n";
    private static final Currency USD = Currency.getInstance("USD");

    private final PaymentCsvReader reader = new PaymentCsvReader();

    private ImportRejectedException rejected(String csv) {
        return assertThrows(ImportRejectedException.class, () -> reader.read("payments.csv", new StringReader(csv)));
    }

    @Test
    void readsAGoodFileIntoPayments() {
        var csv = HEADER + "A-1,50.00,USD,2026-11-25T10:15:00Z,bank:2026/0001\n"
                + " B-2 , 0.99 ,GBP,2026-11-25T10:16:00.5Z,bank:2026/0002\n";

        var payments = reader.read("payments.csv", new StringReader(csv));

        assertEquals(List.of(
                new Payment(new AccountId("A-1"), new Money(5_000, USD), Instant.parse("2026-11-25T10:15:00Z"), "bank:2026/0001"),
                new Payment(new AccountId("B-2"), new Money(99, Currency.getInstance("GBP")),
                        Instant.parse("2026-11-25T10:16:00.5Z"), "bank:2026/0002")),
                payments);
    }

    @Test
    void everyBadFieldIsReportedWithItsLineAndColumn() {
        var csv = HEADER
                + "A-1,50.00,USD,2026-11-25T10:15:00Z,r-1\n"
                + "A 2,-5.00,USD,yesterday,r 2\n"
                + "A-3,12.345,USD,2026-11-25,r-3\n"
                + "A-4,0,EURO,2026-11-25T10:15:00Z,r-4\n";

        var errors = rejected(csv).errors().stream().map(ImportError::toString).toList();

        assertEquals(List.of(
                "line 3, account_id: accountId: 'A 2' (expected 1-64 characters of A-Z a-z 0-9 . _ -)",
                "line 3, amount: amount: '-5.00' (expected a decimal of digits 0-9 with at most 2 decimals, such as 125.50)",
                "line 3, paid_at: 'yesterday' (expected an ISO-8601 instant such as 2026-11-24T17:45:00Z)",
                "line 3, reference: 'r 2' (expected 1-100 characters of A-Z a-z 0-9 . _ : / -)",
                "line 4, amount: amount: '12.345' (expected a decimal of digits 0-9 with at most 2 decimals, such as 125.50)",
                "line 4, paid_at: '2026-11-25' (expected an ISO-8601 instant such as 2026-11-24T17:45:00Z)",
                "line 5, currency: 'EURO' (expected an ISO 4217 code with minor units, such as USD)"), errors);
    }

    // Issue 18: "١٢٣" (Arabic-Indic digits) was recorded as 123.
    @Test
    void amountsInDigitsOtherThanAsciiAreRefused() {
        var csv = HEADER + "A-1,١٢٣,USD,2026-11-25T10:15:00Z,r-1\n" + "A-2,１２.５０,USD,2026-11-25T10:15:00Z,r-2\n";

        var errors = rejected(csv).errors().stream().map(e -> e.line() + " " + e.field()).toList();

        assertEquals(List.of("2 amount", "3 amount"), errors);
    }

    @Test
    void aFeedLongerThanTheLimitIsRefusedNamingTheLineAndTheKey() {
        var limited = new PaymentCsvReader(new ImportLimits(4_096, 10, 10, 2));
        var csv = HEADER + "A-1,1.00,USD,2026-11-25T10:15:00Z,r-1\n" + "A-1,1.00,USD,2026-11-25T10:15:00Z,r-2\n"
                + "A-1,1.00,USD,2026-11-25T10:15:00Z,r-3\n";

        var error = assertThrows(ImportRejectedException.class, () -> limited.read("payments.csv", new StringReader(csv)));

        assertEquals(List.of(new ImportError(4, "(file)", "has more than 2 payments (expected at most 2, "
                + "imports.maxPaymentsPerFeed; split the file); the file was not read further")), error.errors());
    }

    @Test
    void repeatedReferenceInOneFileIsRejectedNamingTheFirstLine() {
        var csv = HEADER + "A-1,50.00,USD,2026-11-25T10:15:00Z,r-1\n" + "A-2,10.00,USD,2026-11-25T10:15:00Z,r-1\n";

        var errors = rejected(csv).errors();

        assertEquals(List.of(new ImportError(3, "reference", "'r-1' is a duplicate (first on line 2)")), errors);
    }

    @Test
    void headerProblemsAndShortRecordsAreNamed() {
        var unknown = rejected("account_id,amount,currency,paid,reference\nA-1,1,USD,2026-11-25T10:15:00Z,r\n").errors();
        var empty = rejected("").errors();
        var headerOnly = rejected(HEADER).errors();
        var shortRow = rejected(HEADER + "A-1,1.00,USD\n").errors();

        assertEquals(List.of(
                new ImportError(1, "(header)", "unknown columns 'paid' (expected only account_id, amount, currency, paid_at, reference)"),
                new ImportError(1, "(header)", "missing required columns paid_at")), unknown);
        assertEquals(List.of(new ImportError(1, "(file)", "is empty (expected a header row)")), empty);
        assertEquals(List.of(new ImportError(1, "(file)", "has a header but no payments (expected at least one record)")), headerOnly);
        assertEquals(List.of(new ImportError(2, "(record)", "has 3 values (expected 5, one per header column)")), shortRow);
    }

    @Test
    void fileArrivingInFragmentsSplitMidLineReadsTheSame() {
        var csv = HEADER + "A-1,50.00,USD,2026-11-25T10:15:00Z,r-1\r\nA-2,\"7.00\",USD,2026-11-25T10:15:00Z,r-2\n";

        var whole = reader.read("payments.csv", new StringReader(csv));
        var fragmented = reader.read("payments.csv", new FragmentReader(csv, 7));

        assertEquals(2, whole.size());
        assertEquals(whole, fragmented);
    }

    /** Hands out at most {@code step} characters per read, so records arrive split mid-line. */
    private static final class FragmentReader extends Reader {
        private final String text;
        private final int step;
        private int at;

        FragmentReader(String text, int step) {
            this.text = text;
            this.step = step;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (at >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(step, length), text.length() - at);
            text.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        @Override
        public void close() {}
    }
}
