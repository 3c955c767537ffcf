package io.duecall.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.account.RegionCode;
import io.duecall.domain.account.SecondFactor;
import io.duecall.port.ImportRejectedException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The account file's optional columns: region, flags, language and the IVR's second factor. */
class AccountAttributesCsvTest {
    private static final String HEADER = "account_id,debtor_name,phones,amount_due,currency,due_date,days_past_due,"
            + "region,flags,language,birth_year,id_last4\n";
    private static final String BASE = "Dana,mobile:+14155550123,125.50,USD,2025-02-01,37,";

    private List<Account> read(String csv) {
        return new AccountCsvReader("US").read("accounts.csv", new StringReader(csv));
    }

    @Test
    void readsEveryOptionalAttribute() {
        var csv = HEADER + "A-1," + BASE + "nv, Dispute ; do_not_call_at_work ,es-MX,1980,0042\n";

        var account = read(csv).get(0);

        assertEquals(Optional.of(new RegionCode("NV")), account.region());
        assertEquals(Set.of(AccountFlag.DISPUTE, AccountFlag.DO_NOT_CALL_AT_WORK), account.flags());
        assertEquals(Optional.of(Locale.forLanguageTag("es-MX")), account.language());
        assertEquals(new SecondFactor(Optional.of(1980), Optional.of("0042")), account.secondFactor());
    }

    @Test
    void blankOptionalCellsLeaveTheAttributesUnset() {
        var csv = HEADER + "A-1," + BASE + ",,,,\n";

        var account = read(csv).get(0);

        assertEquals(Optional.empty(), account.region());
        assertEquals(Set.of(), account.flags());
        assertEquals(Optional.empty(), account.language());
        assertEquals(Optional.empty(), account.secondFactor().question());
    }

    @Test
    void eachBadAttributeIsNamedByLineAndColumn() {
        var csv = HEADER + "A-1," + BASE + "Nevada,,,,\n"
                + "A-2," + BASE + ",dispute;sleeping,,,\n"
                + "A-3," + BASE + ",,english please,,\n"
                + "A-4," + BASE + ",,,1850,\n"
                + "A-5," + BASE + ",,,,12345\n";

        var error = assertThrows(ImportRejectedException.class, () -> read(csv));

        assertEquals(List.of("2 region", "3 flags", "4 language", "5 birth_year", "6 id_last4"),
                error.errors().stream().map(e -> e.line() + " " + e.field()).toList());
        assertTrue(error.getMessage().contains("line 3, flags: 'sleeping' (expected flags separated by ;"),
                error.getMessage());
        assertTrue(error.getMessage().contains("line 5, birth_year: '1850' (expected a year from 1900 to 2099)"),
                error.getMessage());
    }

    @Test
    void aBadIdentityNumberIsReportedWithoutItsDigits() {
        var csv = HEADER + "A-1," + BASE + ",,,,98765\n";

        var error = assertThrows(ImportRejectedException.class, () -> read(csv));

        assertFalse(error.getMessage().contains("98765"), error.getMessage());
        assertTrue(error.getMessage().contains("id_last4: '#####' (expected exactly 4 digits)"), error.getMessage());
    }
}
