package io.duecall.web;

import static io.duecall.web.TestDesk.OPS;
import static io.duecall.web.TestDesk.body;
import static io.duecall.web.TestDesk.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** What the supervisor board and the promise book read and change through the API. */
class ConsoleApiTest {
    private static final AccountId DEBTOR = new AccountId("A-77");
    private static final PromiseToPay LATER = new PromiseToPay("c-1", DEBTOR, TestDesk.DESK,
            new Money(5_000, Currency.getInstance("USD")), LocalDate.of(2026, 3, 9), TestDesk.NOON_NEW_YORK.minusSeconds(7200));
    private static final PromiseToPay SOONER = new PromiseToPay("c-2", DEBTOR, TestDesk.DESK,
            new Money(2_550, Currency.getInstance("USD")), LocalDate.of(2026, 3, 5), TestDesk.NOON_NEW_YORK.minusSeconds(3600));
    private final TestDesk desk = new TestDesk(4096);

    @Test
    void promiseBookListsRunningPromisesEarliestPayByFirstAndOnePromisesHistory() {
        desk.importDebtor();
        desk.promises.record(LATER);
        desk.promises.record(SOONER);
        desk.payments.record(new Payment(DEBTOR, new Money(1_000, Currency.getInstance("USD")),
                TestDesk.NOON_NEW_YORK.minusSeconds(600), "bank-1"));

        var book = desk.exchange("GET", "/api/promises", OPS, null, null);
        var history = desk.exchange("GET", "/api/promises/c-2", OPS, null, null);
        var unknown = desk.exchange("GET", "/api/promises/c-9", OPS, null, null);

        assertEquals(200, status(book), book);
        assertEquals("{\"limit\":500,\"running\":[{\"callId\":\"c-2\",\"accountId\":\"A-77\",\"campaign\":\"desk\","
                + "\"amount\":\"25.50\",\"currency\":\"USD\",\"payBy\":\"2026-03-05\",\"promisedAt\":\"2026-03-03T16:00:00Z\","
                + "\"state\":\"OPEN\",\"paid\":\"0.00\",\"changedAt\":\"2026-03-03T16:00:00Z\",\"note\":null},"
                + "{\"callId\":\"c-1\",\"accountId\":\"A-77\",\"campaign\":\"desk\",\"amount\":\"50.00\",\"currency\":\"USD\","
                + "\"payBy\":\"2026-03-09\",\"promisedAt\":\"2026-03-03T15:00:00Z\",\"state\":\"OPEN\",\"paid\":\"0.00\","
                + "\"changedAt\":\"2026-03-03T15:00:00Z\",\"note\":null}],\"broken\":[]}", body(book));
        assertTrue(body(history).contains("\"account\":{\"id\":\"A-77\",\"debtorName\":\"Dana Example\","
                + "\"amountDue\":\"125.50\",\"dueDate\":\"2026-02-20\",\"daysPastDue\":41},\"attempts\":[],"
                + "\"payments\":[{\"amount\":\"10.00\",\"currency\":\"USD\",\"paidAt\":\"2026-03-03T16:50:00Z\","
                + "\"reference\":\"bank-1\"}]"), history);
        assertEquals(404, status(unknown), unknown);
    }

    @Test
    void operatorCancelsAPromiseWithAReasonOnceAndItLeavesTheRunningList() {
        desk.promises.record(LATER);

        var cancelled = desk.exchange("POST", "/api/promises/c-1/cancel", OPS, "application/json",
                "{\"reason\":\"replaced by a payment plan\"}");
        var again = desk.exchange("POST", "/api/promises/c-1/cancel", OPS, "application/json", "{\"reason\":\"again\"}");
        var book = desk.exchange("GET", "/api/promises", OPS, null, null);

        assertEquals(200, status(cancelled), cancelled);
        assertTrue(body(cancelled).contains("\"state\":\"CANCELLED\",\"paid\":\"0.00\",\"changedAt\":\"2026-03-03T17:00:00Z\","
                + "\"note\":\"replaced by a payment plan\"}"), cancelled);
        assertEquals(409, status(again), again);
        assertTrue(body(again).contains("promise: no transition from CANCELLED to CANCELLED"), again);
        assertTrue(body(book).contains("\"running\":[]"), book);
        assertEquals("replaced by a payment plan", desk.promises.status("c-1").orElseThrow().note());
    }

    @Test
    void badCancellationsNameWhatIsWrongAndChangeNothing() {
        desk.promises.record(LATER);

        var blank = desk.exchange("POST", "/api/promises/c-1/cancel", OPS, "application/json", "{\"reason\":\" \"}");
        var missing = desk.exchange("POST", "/api/promises/c-1/cancel", OPS, "application/json", "{}");
        var unknownField = desk.exchange("POST", "/api/promises/c-1/cancel", OPS, "application/json",
                "{\"reason\":\"dispute\",\"by\":\"me\"}");
        var unknownCall = desk.exchange("POST", "/api/promises/c-9/cancel", OPS, "application/json", "{\"reason\":\"dispute\"}");
        var wrongMethod = desk.exchange("GET", "/api/promises/c-1/cancel", OPS, null, null);
        var agent = desk.exchange("POST", "/api/promises/c-1/cancel", TestDesk.AGENT_101, "application/json",
                "{\"reason\":\"dispute\"}");

        assertEquals(400, status(blank), blank);
        assertTrue(body(blank).contains("reason: '' (expected 1 to 200 characters of text on one line)"), blank);
        assertEquals(400, status(missing), missing);
        assertTrue(body(missing).contains("reason: ''"), missing);
        assertEquals(400, status(unknownField), unknownField);
        assertTrue(body(unknownField).contains("unknown field 'by' (expected only: reason)"), unknownField);
        assertEquals(404, status(unknownCall), unknownCall);
        assertEquals(405, status(wrongMethod), wrongMethod);
        assertEquals(403, status(agent), agent);
        assertEquals(PromiseStatus.open(LATER), desk.promises.status("c-1").orElseThrow());
    }

    @Test
    void agentOnACallShowsTheCallsCampaignAndSinceWhenAndAnIdleAgentNone() {
        var callId = desk.bridgedCall();

        var response = desk.exchange("GET", "/api/agents", OPS, null, null);

        assertEquals(200, status(response), response);
        assertTrue(body(response).contains("{\"agent\":\"101\",\"campaigns\":[\"desk\"],\"state\":\"ON_CALL\","
                + "\"pauseReason\":null,\"since\":\"2026-03-03T17:00:00Z\",\"call\":{\"callId\":\"" + callId
                + "\",\"campaign\":\"desk\"}}"), response);
        assertTrue(body(response).contains("{\"agent\":\"102\",\"campaigns\":[\"desk\"],\"state\":\"LOGGED_OUT\","
                + "\"pauseReason\":null,\"since\":\"1970-01-01T00:00:00Z\",\"call\":null}"), response);
    }
}
