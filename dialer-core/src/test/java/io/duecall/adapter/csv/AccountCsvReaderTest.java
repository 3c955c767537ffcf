package io.duecall.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.port.ImportError;
import io.duecall.port.ImportRejectedException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountCsvReaderTest {
    private static final String HEADER = "account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due\n";
    private static final String GOOD_ROW = "A-1,Dana Example,mobile:+14155550123,America/Chicago,125.50,USD,2025-02-01,37\n";

    private final AccountCsvReader reader = new AccountCsvReader("US");

    private List<Account> read(String csv) {
        return reader.read("accounts.csv", new StringReader(csv));
    }

    private ImportRejectedException rejected(String csv) {
        return assertThrows(ImportRejectedException.class, () -> read(csv));
    }

    @Test
    void readsAGoodFileIntoAccounts() {
        var csv = HEADER + GOOD_ROW
                + "B-2,\"Lee, Sam\",\"home:(415) 555-0124; work:+442079460000\",,0.99,GBP,2025-01-05,0\n";

        var accounts = read(csv);

        assertEquals(List.of(
                new Account(new AccountId("A-1"), "Dana Example", List.of(new Phone(new E164("+14155550123"), PhoneType.MOBILE)),
                        Optional.of(ZoneId.of("America/Chicago")), new Money(12_550, Currency.getInstance("USD")),
                        LocalDate.of(2025, 2, 1), 37),
                new Account(new AccountId("B-2"), "Lee, Sam", List.of(new Phone(new E164("+14155550124"), PhoneType.HOME),
                        new Phone(new E164("+442079460000"), PhoneType.WORK)),
                        Optional.empty(), new Money(99, Currency.getInstance("GBP")), LocalDate.of(2025, 1, 5), 0)),
                accounts);
    }

    @Test
    void acceptsColumnsInAnyOrderWithoutTheOptionalZone() {
        var csv = "currency,account_id,due_date,days_past_due,debtor_name,amount_due,phones\n"
                + "USD,A-1,2025-02-01,3,Dana,10,mobile:4155550123\n";

        var accounts = read(csv);

        assertEquals(Optional.empty(), accounts.get(0).zone());
        assertEquals(new Money(1_000, Currency.getInstance("USD")), accounts.get(0).amountDue());
    }

    @Test
    void toleratesByteOrderMarkCrlfAndBlankTrailingLines() {
        var csv = "\uFEFF" + (HEADER + GOOD_ROW).replace("\n", "\r\n") + "\r\n\r\n";

        var accounts = read(csv);

        assertEquals(List.of(new AccountId("A-1")), accounts.stream().map(Account::id).toList());
    }

    @Test
    void reportsEachBadFieldWithItsPhysicalLineAndColumn() {
        var csv = HEADER + GOOD_ROW
                + "A-2,Dana,mobile:12,America/Chicago,1,USD,2025-02-01,1\n"
                + "A-3,Dana,mobile:+14155550123,Mars/Olympus,1,USD,2025-02-01,1\n"
                + "A-4,Dana,mobile:+14155550123,,1,USD,2025-02-01,-4\n"
                + "A-5,Dana,mobile:+14155550123,,12.345,USD,2025-02-01,1\n"
                + "A-6,Dana,mobile:+14155550123,,1,USD,2025-02-30,1\n"
                + "A-7,Dana,pager:+14155550123,,1,XYZ,2025-02-01,1\n";

        var error = rejected(csv);

        assertEquals(List.of(
                "3 phones", "4 time_zone", "5 days_past_due", "6 amount_due", "7 due_date", "8 phones", "8 currency"),
                error.errors().stream().map(e -> e.line() + " " + e.field()).toList());
        assertTrue(error.getMessage().contains("line 4, time_zone: 'Mars/Olympus' is not an IANA time zone"), error.getMessage());
        assertTrue(error.getMessage().contains("line 6, amount_due: amount: '12.345'"), error.getMessage());
        assertTrue(error.getMessage().contains("line 5, days_past_due: '-4' (expected a whole number >= 0)"), error.getMessage());
    }

    @Test
    void lineNumbersCountPhysicalLinesInsideQuotedFields() {
        var csv = HEADER + "A-1,\"Dana\nExample\",mobile:+14155550123,,1,USD,2025-02-01,1\n"
                + "A-2,Dana,mobile:+14155550123,,1,USD,02/01/2025,1\n";

        var error = rejected(csv);

        assertEquals(List.of(new ImportError(4, "due_date", "'02/01/2025' (expected a date as yyyy-MM-dd)")), error.errors());
    }

    @Test
    void duplicateAccountIdNamesBothLines() {
        var csv = HEADER + GOOD_ROW + GOOD_ROW.replace("A-1", "A-9") + GOOD_ROW;

        var error = rejected(csv);

        assertEquals(List.of(new ImportError(4, "account_id", "'A-1' is a duplicate (first on line 2)")), error.errors());
    }

    @Test
    void missingAndUnknownColumnsAreNamed() {
        var csv = "account_id,debtor_name,phones,amount,currency,due_date,days_past_due,notes\n" + "A-1,x,y,1,USD,2025-01-01,1,z\n";

        var error = rejected(csv);

        assertEquals(2, error.errors().size());
        assertTrue(error.getMessage().contains("unknown columns 'amount', 'notes'"), error.getMessage());
        assertTrue(error.getMessage().contains("missing required columns amount_due"), error.getMessage());
    }

    @Test
    void emptyFileAndHeaderOnlyFileAreRejected() {
        var empty = rejected("");
        var headerOnly = rejected(HEADER);

        assertEquals(List.of(new ImportError(1, "(file)", "is empty (expected a header row)")), empty.errors());
        assertEquals(1, headerOnly.errors().get(0).line());
    }

    @Test
    void recordWithTheWrongNumberOfValuesIsRejected() {
        var error = rejected(HEADER + GOOD_ROW + "A-2,Dana,mobile:+14155550123\n");

        assertEquals(List.of(new ImportError(3, "(record)", "has 3 values (expected 8, one per header column)")), error.errors());
    }

    @Test
    void listsAtMostFiftyErrorsAndCountsTheRest() {
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < 60; i++) {
            csv.append("A-").append(i).append(",Dana,mobile:+14155550123,,1,USD,2025-02-01,x\n");
        }

        var error = rejected(csv.toString());

        assertEquals(60, error.errors().size());
        assertTrue(error.getMessage().contains("line 51, days_past_due"), error.getMessage());
        assertTrue(!error.getMessage().contains("line 52,") && error.getMessage().endsWith("and 10 more"), error.getMessage());
    }

    // Issue 18: a row with 10,000 phones was accepted and dialed.
    @Test
    void rowsWithTooManyNumbersOrContactsOrTooLongACellAreRefusedNamingLineAndColumn() {
        var phones = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            phones.append("mobile:+1212555").append(String.format("%04d", i)).append(';');
        }
        var huge = "mobile:+12125550123;".repeat(10_000);
        var csv = "account_id,debtor_name,phones,amount_due,currency,due_date,days_past_due,contacts\n"
                + "a-1,Dana Diaz," + phones + ",10.00,USD,2026-11-01,3,\n"
                + "a-2,Dana Diaz," + huge + ",10.00,USD,2026-11-01,3,\n"
                + "a-3,Dana Diaz,mobile:+12125550123,10.00,USD,2026-11-01,3," + "spouse:Sam:+12125550124;".repeat(11) + "\n"
                + "a-4,Dana Diaz,mobile:+12125550123,10.00,USD,2026-11-01,3,\n";

        var error = assertThrows(ImportRejectedException.class, () -> new AccountCsvReader("US").read("a.csv", new StringReader(csv)));

        assertEquals(List.of(
                new ImportError(2, "phones", "11 numbers (expected at most 10, imports.maxPhonesPerAccount)"),
                new ImportError(3, "phones", "has 200000 bytes (expected at most 4096, imports.maxCellBytes)"),
                new ImportError(4, "contacts", "11 contacts (expected at most 10, imports.maxContactsPerAccount)")),
                error.errors());
    }

    @Test
    void aCellFarLongerThanTheLimitStopsTheReadNamingItsLineAndColumn() {
        var csv = "account_id,debtor_name,phones,amount_due,currency,due_date,days_past_due\n"
                + "a-1," + "x".repeat(2_000_000) + ",mobile:+12125550123,10.00,USD,2026-11-01,3\n";

        var error = assertThrows(ImportRejectedException.class, () -> new AccountCsvReader("US").read("a.csv", new StringReader(csv)));

        assertEquals(List.of(new ImportError(2, "debtor_name", "is far longer than 4096 bytes (imports.maxCellBytes); "
                + "the file was not read further")), error.errors());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"+05:30", "GMT-3", "UTC+14", "Z", "Etc/GMT+3"})
    void refusesFixedOffsetsWhichHaveNoDaylightSavingRules(String zone) {
        var e = rejected(HEADER + "A-1,Dana,mobile:+14155550123," + zone + ",1.00,USD,2025-02-01,3\n");

        assertEquals("line 2, time_zone: '" + zone + "' is a fixed offset, which has no daylight-saving rules"
                + " (expected a region id such as America/Sao_Paulo or Asia/Kolkata)", e.errors().getFirst().toString());
    }

    @Test
    void refusesANumberWithAnExtensionRatherThanDroppingIt() {
        var e = rejected(HEADER + "A-1,Dana,mobile:+14155550123x9,America/Chicago,1.00,USD,2025-02-01,3\n");

        assertTrue(e.getMessage().contains("has extension 9, which the dialer cannot dial"), e.getMessage());
    }
}
