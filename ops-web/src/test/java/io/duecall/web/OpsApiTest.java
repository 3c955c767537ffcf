package io.duecall.web;

import static io.duecall.web.TestDesk.AGENT_101;
import static io.duecall.web.TestDesk.AGENT_102;
import static io.duecall.web.TestDesk.OPS;
import static io.duecall.web.TestDesk.body;
import static io.duecall.web.TestDesk.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseToPay;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpsApiTest {
    private static final AccountId DEBTOR = new AccountId("A-77");
    private static final PromiseToPay PROMISE = new PromiseToPay("c-1", DEBTOR, TestDesk.DESK,
            new Money(5_000, Currency.getInstance("USD")), LocalDate.of(2026, 3, 5),
            TestDesk.NOON_NEW_YORK.minusSeconds(7200));
    private final TestDesk desk = new TestDesk(4096);

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void requestWithoutATokenIs401() {
        var response = desk.exchange("GET", "/api/figures", null, null, null);

        assertEquals(401, status(response));
        assertTrue(body(response).contains("missing bearer token"), response);
    }

    @Test
    void requestWithAnUnknownTokenIs401AndTheTokenIsNotEchoed() {
        var response = desk.exchange("GET", "/api/figures", "not-a-real-token-at-all", null, null);

        assertEquals(401, status(response));
        assertTrue(body(response).contains("unknown bearer token"), response);
        assertFalse(response.contains("not-a-real-token-at-all"), response);
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() {
        var response = desk.exchange("POST", "/api/payments", OPS, "application/json", "{\"payments\": [");

        assertEquals(400, status(response));
        assertTrue(body(response).contains("malformed JSON at line 1"), response);
    }

    @Test
    void unknownFieldIs400NamingIt() {
        var response = desk.exchange("POST", "/api/payments", OPS, "application/json",
                "{\"payments\": [], \"colour\": \"red\"}");

        assertEquals(400, status(response));
        assertTrue(body(response).contains("unknown field 'colour' (expected only: payments)"), response);
    }

    @Test
    void paymentsSettleThePromisePartlyThenFullyAndARepeatedReferenceIsRecordedOnce() {
        desk.importDebtor();
        desk.promises.record(PROMISE);

        var part = postPayments(payment("bank-1", "20.00"));
        var partly = desk.promises.status("c-1").orElseThrow().state();
        var rest = postPayments(payment("bank-1", "20.00"), payment("bank-2", "30.00"));

        assertEquals(200, status(part), part);
        assertEquals("{\"recorded\":1,\"alreadyRecorded\":0,\"kept\":0,\"partlyKept\":1,\"paidInFull\":[]}",
                body(part));
        assertEquals(PromiseState.PARTLY_KEPT, partly);
        assertEquals("{\"recorded\":1,\"alreadyRecorded\":1,\"kept\":1,\"partlyKept\":0,\"paidInFull\":[]}",
                body(rest));
        assertEquals(PromiseState.KEPT, desk.promises.status("c-1").orElseThrow().state());
        assertEquals(2, desk.payments.forAccount(DEBTOR).size());
        assertEquals(1, desk.accounts.queued(TestDesk.DESK));
    }

    @Test
    void accountPaidInFullThroughTheApiLeavesTheQueue() {
        desk.importDebtor();

        var response = postPayments(payment("bank-9", "125.50"));

        assertEquals(200, status(response), response);
        assertTrue(body(response).contains("\"paidInFull\":[\"A-77\"]"), response);
        assertEquals(0, desk.accounts.queued(TestDesk.DESK));
    }

    @Test
    void oneBadPaymentRejectsTheWholeRequestNamingIndexAndField() {
        desk.importDebtor();
        desk.promises.record(PROMISE);

        var response = postPayments(payment("bank-1", "50.00"),
                "{\"accountId\":\"A-77\",\"amount\":\"-5\",\"currency\":\"USD\",\"paidAt\":\"yesterday\","
                        + "\"reference\":\"bank-2\"}",
                "{\"accountId\":\"A 77\",\"amount\":\"5.00\",\"currency\":\"usd\",\"paidAt\":\"2026-03-03T15:00:00Z\","
                        + "\"reference\":\"bank-3\"}");

        assertEquals(400, status(response), response);
        var body = body(response);
        assertTrue(body.contains("payments[1].amount: '-5'"), body);
        assertTrue(body.contains("payments[1].paidAt: 'yesterday'"), body);
        assertTrue(body.contains("payments[2].accountId: 'A 77'"), body);
        assertTrue(body.contains("payments[2].currency: 'usd'"), body);
        assertFalse(body.contains("payments[0]"), body);
        assertEquals(List.of(), desk.payments.forAccount(DEBTOR));
        assertEquals(PromiseState.OPEN, desk.promises.status("c-1").orElseThrow().state());
    }

    // Issue 18: "١٢٣" (Arabic-Indic digits) was recorded as 123.
    @Test
    void amountInDigitsOtherThanAsciiIsRefused() {
        desk.importDebtor();

        var response = postPayments(payment("bank-1", "١٢٣"));

        assertEquals(400, status(response), response);
        assertTrue(body(response).contains("payments[0].amount: '١٢٣'"), response);
        assertEquals(List.of(), desk.payments.forAccount(DEBTOR));
    }

    // Issue 18: a paidAt in the year +1000000000 and a payment for an account that does not exist were recorded.
    @Test
    void paymentOutsideTheTimeWindowOrForAnUnknownAccountRejectsTheRequest() {
        desk.importDebtor();

        var response = postPayments(payment("bank-1", "50.00"),
                payment("bank-2", "5.00").replace("2026-03-03T16:30:00Z", "+1000000000-01-01T00:00:00Z"),
                payment("bank-3", "5.00").replace("A-77", "A-99"));

        assertEquals(400, status(response), response);
        var body = body(response);
        assertTrue(body.contains("payments[1].paidAt: '+1000000000-01-01T00:00:00Z' (expected from "), body);
        assertTrue(body.contains("payments[2].accountId: 'A-99' is not a stored account"), body);
        assertTrue(body.contains("nothing was recorded"), body);
        assertEquals(List.of(), desk.payments.forAccount(DEBTOR));
    }

    @Test
    void badReferenceIsNamedByItsIndex() {
        var response = postPayments(payment("bank 1", "50.00"));

        assertEquals(400, status(response), response);
        assertTrue(body(response).contains("payments[0].reference: 'bank 1'"), response);
    }

    @Test
    void paymentsWithoutAListIs400() {
        var response = desk.exchange("POST", "/api/payments", OPS, "application/json", "{}");

        assertEquals(400, status(response), response);
        assertTrue(body(response).contains("payments: missing"), response);
    }

    private String postPayments(String... entries) {
        return desk.exchange("POST", "/api/payments", OPS, "application/json",
                "{\"payments\":[" + String.join(",", entries) + "]}");
    }

    private static String payment(String reference, String amount) {
        return "{\"accountId\":\"A-77\",\"amount\":\"" + amount + "\",\"currency\":\"USD\","
                + "\"paidAt\":\"2026-03-03T16:30:00Z\",\"reference\":\"" + reference + "\"}";
    }

    @Test
    void oversizedBodyIs413NamingTheLimit() {
        var response = desk.exchange("POST", "/api/payments", OPS, "application/json", "x".repeat(5000));

        assertEquals(413, status(response));
        assertTrue(body(response).contains("larger than 4096 bytes"), response);
    }

    @Test
    void agentAskingForAnotherAgentsCallIs403() {
        var callId = desk.bridgedCall();

        var theirs = desk.exchange("GET", "/api/calls/" + callId, AGENT_102, null, null);
        var mine = desk.exchange("GET", "/api/calls/" + callId, AGENT_101, null, null);

        assertEquals(403, status(theirs));
        assertEquals(200, status(mine));
        assertTrue(body(mine).contains("\"accountId\":\"A-77\""), mine);
        assertFalse(body(mine).contains("5550100"), "the screen pop must not carry the phone number");
    }

    @Test
    void agentCannotUseOperationsEndpoints() {
        var response = desk.exchange("POST", "/api/campaigns/desk/start", AGENT_101, null, null);

        assertEquals(403, status(response));
    }

    @Test
    void agentRecordsAPromiseThroughTheApi() {
        var callId = desk.bridgedCall();

        var response = desk.exchange("POST", "/api/calls/" + callId + "/disposition", AGENT_101, "application/json",
                "{\"outcome\":\"PROMISE\",\"amount\":\"50.00\",\"payBy\":\"2026-03-05\"}");

        assertEquals(200, status(response), response);
        assertEquals(1, desk.promises.all().size());
        assertEquals(5000, desk.promises.all().getFirst().amount().minor());
    }

    @Test
    void promiseOutsideTheHorizonIs400() {
        var callId = desk.bridgedCall();

        var response = desk.exchange("POST", "/api/calls/" + callId + "/disposition", AGENT_101, "application/json",
                "{\"outcome\":\"PROMISE\",\"amount\":\"50.00\",\"payBy\":\"2026-04-05\"}");

        assertEquals(400, status(response));
        assertTrue(body(response).contains("payBy: 2026-04-05"), response);
    }

    @Test
    void agentMovesBetweenReadyAndPauseWithAReason() {
        desk.exchange("POST", "/api/agents/102/login", AGENT_102, null, null);

        var paused = desk.exchange("POST", "/api/agents/102/pause", AGENT_102, "application/json", "{\"reason\":\"lunch\"}");
        var other = desk.exchange("POST", "/api/agents/101/ready", AGENT_102, null, null);

        assertEquals(200, status(paused));
        assertTrue(body(paused).contains("\"state\":\"PAUSED\",\"pauseReason\":\"lunch\""), paused);
        assertEquals(403, status(other));
    }

    @Test
    void badCsvImportIs422AndStoresNothing() {
        var csv = """
                account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due
                A-1,Dana Example,mobile:+12125550100,America/New_York,125.50,USD,2026-02-20,41
                A-2,Lee Example,mobile:+12125550101,America/New_York,12.345,USD,2026-02-20,41
                """;

        var response = desk.exchange("POST", "/api/campaigns/desk/accounts", OPS, "text/csv", csv);

        assertEquals(422, status(response));
        assertTrue(body(response).contains("line 3, amount_due"), response);
        assertTrue(desk.accounts.find(new AccountId("A-1")).isEmpty());
    }

    @Test
    void goodCsvImportQueuesTheAccountsAndEligibilityIsExplained() {
        var csv = """
                account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due
                A-1,Dana Example,mobile:+12125550100,Pacific/Honolulu,125.50,USD,2026-02-20,41
                """;

        var imported = desk.exchange("POST", "/api/campaigns/desk/accounts", OPS, "text/csv", csv);
        var explained = desk.exchange("GET", "/api/campaigns/desk/accounts/A-1/eligibility", OPS, null, null);

        assertEquals(200, status(imported));
        assertEquals(1, desk.accounts.queued(TestDesk.DESK));
        assertTrue(body(explained).contains("\"eligible\":false"), explained);
        assertTrue(body(explained).contains("OUTSIDE_WINDOW"), explained);
        assertFalse(body(explained).contains("5550100"), explained);
    }

    @Test
    void campaignStartsPausesAndShowsItsStateInTheFigures() {
        var started = desk.exchange("POST", "/api/campaigns/desk/start", OPS, null, null);
        var paused = desk.exchange("POST", "/api/campaigns/desk/pause", OPS, null, null);
        var figures = desk.exchange("GET", "/api/campaigns", OPS, null, null);

        assertTrue(body(started).contains("\"state\":\"RUNNING\""), started);
        assertTrue(body(paused).contains("\"state\":\"PAUSED\""), paused);
        assertTrue(body(figures).contains("\"state\":\"PAUSED\""), figures);
        assertTrue(body(figures).contains("campaign is paused"), figures);
    }

    @Test
    void creatingACampaignOnAServerWithoutAnEditorIs501() {
        var response = desk.exchange("POST", "/api/campaigns", OPS, "application/json", "{}");

        assertEquals(501, status(response));
        assertTrue(body(response).contains("edit it and restart the engine"), response);
    }

    @Test
    void readinessFailsWhileAmiIsDown() {
        desk.amiUp.set(false);

        var health = desk.exchange("GET", "/healthz", null, null, null);
        var ready = desk.exchange("GET", "/readyz", null, null, null);

        assertEquals(200, status(health));
        assertTrue(body(health).contains("\"ami\":\"down\",\"redis\":\"up\""), health);
        assertEquals(503, status(ready));
    }

    @Test
    void readinessReportsTheDeploymentChecksWithoutFailingOnThem() {
        desk.deploymentChecks.set(new java.util.LinkedHashMap<>(Map.of("redis-persistence",
                "append-only file off (a crash loses the promises and ledger lines written since the last snapshot)")));

        var ready = desk.exchange("GET", "/readyz", null, null, null);

        assertEquals(200, status(ready));
        assertTrue(body(ready).contains("\"ami\":\"up\",\"redis\":\"up\",\"redis-persistence\":\"append-only file "
                + "off"), ready);
    }

    @Test
    void metricsAreTaggedByCampaignAndNeverByAccountOrNumber() {
        desk.bridgedCall();

        var metrics = body(desk.exchange("GET", "/metrics", null, null, null));

        assertTrue(metrics.contains("duecall_calls_placed_total{campaign=\"desk\"} 1.0"), metrics);
        assertTrue(metrics.contains("duecall_agents{state=\"on_call\"} 1.0"), metrics);
        assertFalse(metrics.contains("A-77"), metrics);
        assertFalse(metrics.contains("5550100"), metrics);
    }

    @Test
    void telephonyMetricsAreScrapedWithNoAccountOrNumberInAnyTag() {
        desk.bridgedCall();
        desk.telephony.actionAnswered("Originate", java.time.Duration.ofMillis(12));
        desk.telephony.eventHandled("Hangup", java.time.Duration.ofMillis(3));
        desk.telephony.sessionStarted();

        var metrics = body(desk.exchange("GET", "/metrics", null, null, null));

        assertTrue(metrics.contains("duecall_ami_roundtrip_seconds_count{action=\"Originate\"} 1"), metrics);
        assertTrue(metrics.contains("duecall_ami_event_lag_seconds_count{event=\"Hangup\"} 1"), metrics);
        assertTrue(metrics.contains("duecall_agi_sessions_active 1.0"), metrics);
        assertTrue(metrics.contains("duecall_agi_sessions_started_total 1.0"), metrics);
        for (var line : metrics.lines().filter(l -> l.contains("{")).toList()) {
            var tags = line.substring(line.indexOf('{'), line.indexOf('}') + 1);
            assertFalse(tags.contains("A-77") || tags.contains("5550100") || tags.contains("+1"), line);
        }
    }

    @Test
    void campaignAddedAtRunTimeGetsItsMetersAndLosesThemWhenRemoved() {
        var late = new io.duecall.domain.campaign.CampaignId("late");
        desk.dialer.upsert(new io.duecall.domain.campaign.Campaign(late, "Late", io.duecall.domain.campaign.CampaignMode.IVR_REMINDER,
                io.duecall.domain.window.CallingWindow.defaults(), "Acme Lending", "18005550100", 5,
                java.time.Duration.ofSeconds(20), java.time.Duration.ofSeconds(2), java.time.Duration.ofMinutes(5), 3),
                null, null);

        var withLate = body(desk.exchange("GET", "/metrics", null, null, null));
        desk.dialer.remove(late);
        var without = body(desk.exchange("GET", "/metrics", null, null, null));

        assertTrue(withLate.contains("duecall_calls_placed_total{campaign=\"late\"} 0.0"), withLate);
        assertFalse(without.contains("campaign=\"late\""), without);
    }

    @Test
    void dashboardPageIsServedWithoutAToken() {
        var response = desk.exchange("GET", "/", null, null, null);

        assertEquals(200, status(response));
        assertTrue(response.contains("DueCall operations"), response);
    }
}
