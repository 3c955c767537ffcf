package io.duecall.web;

import static io.duecall.web.TestDesk.OPS;
import static io.duecall.web.TestDesk.body;
import static io.duecall.web.TestDesk.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lists page's API: account imports with their problems and warnings as a table, and do-not-call uploads. */
class ListsApiTest {
    private static final String HEADER = "account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due\n";
    private static final List<E164> LISTED = List.of(new E164("+12125550100"), new E164("+12125550101"));
    private final TestDesk desk = new TestDesk(4096);

    @Test
    void rejectedAccountsFileTablesEachProblemWithLineColumnValueAndReason() {
        var csv = HEADER + "A-1,Dana Example,mobile:+12125550100,America/New_York,125.50,USD,2026-02-20,41\n"
                + "A-2,Lee Example,mobile:+12125550101,America/New_York,12.345,USD,2026-02-20,41\n";

        var response = desk.exchange("POST", "/api/campaigns/desk/accounts", OPS, "text/csv", csv);

        assertEquals(422, status(response), response);
        assertTrue(body(response).contains("\"errors\":[{\"line\":3,\"column\":\"amount_due\",\"value\":\"12.345\","
                + "\"reason\":\"expected "), response);
        assertTrue(body(response).contains("\"count\":1"), response);
        assertTrue(body(response).contains("nothing was stored"), response);
        assertTrue(desk.accounts.find(new AccountId("A-1")).isEmpty());
    }

    @Test
    void acceptedAccountsFileCountsThemAndWarnsOfNumbersThatCanNeverBeDialed() {
        var csv = HEADER + "A-1,Dana Example,mobile:+80012345678,,125.50,USD,2026-02-20,41\n"
                + "A-2,Lee Example,mobile:+12125550101,America/New_York,80.00,USD,2026-02-20,41\n";

        var response = desk.exchange("POST", "/api/campaigns/desk/accounts", OPS, "text/csv", csv);

        assertEquals(200, status(response), response);
        assertTrue(body(response).startsWith("{\"campaign\":\"desk\",\"imported\":2,\"undialableNumbers\":1,"
                + "\"undialable\":{\"NO_ZONE\":1},\"warnings\":[{\"line\":2,\"column\":\"phones\","
                + "\"value\":\"+80012345678\",\"reason\":\"has no time zone"), response);
        assertEquals(2, desk.accounts.queued(TestDesk.DESK));
    }

    @Test
    void doNotCallListIsListedWholeAndCountsNumbersListedBefore() {
        var csv = "number\n+12125550100\n+12125550101\n";

        var first = desk.exchange("POST", "/api/do-not-call", OPS, "text/csv", csv);
        var again = desk.exchange("POST", "/api/do-not-call?reason=litigator", OPS, "text/csv", csv);

        assertEquals("{\"reason\":\"dnc\",\"listed\":2,\"alreadyListed\":0}", body(first));
        assertEquals("{\"reason\":\"litigator\",\"listed\":0,\"alreadyListed\":2}", body(again));
        assertEquals(Set.copyOf(LISTED), desk.suppression.onDoNotCallList(LISTED));
    }

    @Test
    void doNotCallListWithABadLineListsNothing() {
        var csv = "number\n+12125550100\n555-CALL-ME\n";

        var response = desk.exchange("POST", "/api/do-not-call", OPS, "text/csv", csv);

        assertEquals(422, status(response), response);
        assertTrue(body(response).contains("{\"line\":3,\"column\":\"number\",\"value\":\"555-CALL-ME\""), response);
        assertEquals(Set.of(), desk.suppression.onDoNotCallList(LISTED));
    }

    @Test
    void doNotCallRefusesABadReasonAnotherTypeAndAnotherMethod() {
        var csv = "number\n+12125550100\n";

        var reason = desk.exchange("POST", "/api/do-not-call?reason=Do%20Not%20Call", OPS, "text/csv", csv);
        var type = desk.exchange("POST", "/api/do-not-call", OPS, "application/json", "{}");
        var method = desk.exchange("GET", "/api/do-not-call", OPS, null, null);

        assertEquals(400, status(reason), reason);
        assertTrue(body(reason).contains("reason: 'Do Not Call' (expected 1-40 of a-z 0-9 -"), reason);
        assertEquals(415, status(type), type);
        assertEquals(405, status(method), method);
        assertTrue(method.contains("allow: POST") || method.contains("Allow: POST"), method);
        assertEquals(Set.of(), desk.suppression.onDoNotCallList(LISTED));
    }
}
