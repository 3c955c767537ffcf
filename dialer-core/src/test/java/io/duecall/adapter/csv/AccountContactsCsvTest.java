package io.duecall.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Contact;
import io.duecall.domain.account.ContactRelation;
import io.duecall.domain.account.E164;
import io.duecall.port.ImportRejectedException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account file's {@code contacts} column: third parties as {@code relation:name:number;...}. */
class AccountContactsCsvTest {
    private static final String HEADER = "account_id,debtor_name,phones,amount_due,currency,due_date,days_past_due,contacts\n";
    private static final String BASE = "Dana,mobile:+14155550123,125.50,USD,2025-02-01,37,";

    private List<Account> read(String csv) {
        return new AccountCsvReader("US").read("accounts.csv", new StringReader(csv));
    }

    @Test
    void readsContactsWithRelationNameAndNumberInNationalOrInternationalForm() {
        var csv = HEADER + "A-1," + BASE + "\" Spouse : Sam Smith : (415) 555-0142 ; employer:Acme Ltd:+442079460001\"\n";

        var account = read(csv).get(0);

        assertEquals(List.of(new Contact(ContactRelation.SPOUSE, "Sam Smith", new E164("+14155550142")),
                new Contact(ContactRelation.EMPLOYER, "Acme Ltd", new E164("+442079460001"))), account.contacts());
    }

    @Test
    void blankContactsCellAndMissingColumnMeanNoContacts() {
        var blank = read(HEADER + "A-1," + BASE + "\n").get(0);
        var without = read("account_id,debtor_name,phones,amount_due,currency,due_date,days_past_due\nA-1," + BASE
                .substring(0, BASE.length() - 1) + "\n").get(0);

        assertEquals(List.of(), blank.contacts());
        assertEquals(List.of(), without.contacts());
    }

    @Test
    void eachBadContactIsNamedByLineAndColumn() {
        var csv = HEADER + "A-1," + BASE + "cousin:Sam:+14155550142\n"
                + "A-2," + BASE + "spouse:Sam\n"
                + "A-3," + BASE + "spouse:Sam:12\n"
                + "A-4," + BASE + "spouse: :+14155550142\n"
                + "A-5," + BASE + "spouse:Dana herself:+14155550123\n"
                + "A-6," + BASE + "spouse:Sam:+14155550142;friend:Kim:+14155550142\n";

        var error = assertThrows(ImportRejectedException.class, () -> read(csv));

        assertEquals(List.of("2 contacts", "3 contacts", "4 contacts", "5 contacts", "6 contacts", "7 contacts"),
                error.errors().stream().map(e -> e.line() + " " + e.field()).toList());
        assertTrue(error.getMessage().contains("line 2, contacts: 'cousin:Sam:+14155550142': relation: 'cousin' (expected one of"),
                error.getMessage());
        assertTrue(error.getMessage().contains("line 3, contacts: 'spouse:Sam' (expected relation:name:number"),
                error.getMessage());
        assertTrue(error.getMessage().contains("line 6, contacts: contacts: +14155550123 of Dana herself is one of the"
                + " debtor's own numbers"), error.getMessage());
        assertTrue(error.getMessage().contains("line 7, contacts: contacts: +14155550142 is given twice"), error.getMessage());
    }
}
