package io.duecall.web;

import static io.duecall.web.TestDesk.OPS;
import static io.duecall.web.TestDesk.body;
import static io.duecall.web.TestDesk.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reports over HTTP: JSON and CSV from the same query service, parameters checked by name. */
class ReportApiTest {
    private final TestDesk desk = new TestDesk(4096);

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void campaignsDayIsCountedInTheReportZoneAndNamesIt() throws Exception {
        // 22:30 in New York on the 2nd, 03:30 UTC on the 3rd.
        desk.ledger.append(line("c1", "2026-03-03T03:30:00Z", CallOutcome.ANSWERED, true));
        desk.ledger.append(line("c2", "2026-03-03T15:00:00Z", CallOutcome.NO_ANSWER, false));

        var answer = json(desk.exchange("GET", "/api/reports/campaigns?from=2026-03-02&to=2026-03-03", OPS, null, null));

        assertEquals("America/New_York", answer.path("zone").asText());
        assertEquals(0.03, answer.path("abandonLimit").asDouble());
        var rows = answer.path("rows");
        assertEquals(2, rows.size());
        assertEquals("2026-03-02", rows.get(0).path("day").asText());
        assertEquals(1, rows.get(0).path("rightPartyContacts").asLong());
        assertEquals(1, rows.get(1).path("dials").asLong());
        assertEquals(0, rows.get(1).path("answered").asLong());
        assertEquals("2026-03-03", answer.path("today").path("day").asText());
    }

    @Test
    void campaignsCsvHasOneLinePerCampaignAndDay() {
        desk.ledger.append(line("c2", "2026-03-03T15:00:00Z", CallOutcome.NO_ANSWER, false));

        var response = desk.exchange("GET", "/api/reports/campaigns.csv?from=2026-03-03", OPS, null, null);

        assertEquals(200, status(response));
        var lines = body(response).lines().toList();
        assertEquals(2, lines.size(), body(response));
        assertTrue(lines.get(0).startsWith("campaign,day,dials,answered,live_answers,right_party_contacts"), lines.get(0));
        assertTrue(lines.get(1).startsWith("desk,2026-03-03,1,0,0,0,0,0,0.0000,0,0,0.0000,,"), lines.get(1));
    }

    @Test
    void contactHoursHaveEveryWeekdayAndHourAndThePeaks() throws Exception {
        desk.ledger.append(line("c1", "2026-03-03T15:00:00Z", CallOutcome.ANSWERED, true));

        var answer = json(desk.exchange("GET", "/api/reports/contact-hours?campaign=desk&from=2026-03-03", OPS, null,
                null));

        assertEquals(168, answer.path("cells").size());
        var tuesdayTen = answer.path("cells").get(24 + 10);
        assertEquals(List.of(2, 10, 1, 1, 1), List.of(tuesdayTen.path("weekday").asInt(), tuesdayTen.path("hour").asInt(),
                tuesdayTen.path("dials").asInt(), tuesdayTen.path("answers").asInt(),
                tuesdayTen.path("rightPartyContacts").asInt()));
        assertEquals("10:00", answer.path("peaks").get(0).path("starts").asText());
    }

    @Test
    void aPauseReasonThatLooksLikeAFormulaIsNeutralizedInTheAgentsCsv() {
        desk.agents.pause(new AgentId("101"), "=HYPERLINK(\"x\")", TestDesk.NOON_NEW_YORK.minusSeconds(3600));

        var response = desk.exchange("GET", "/api/reports/agents.csv?day=2026-03-03", OPS, null, null);

        assertEquals(200, status(response));
        var agent101 = body(response).lines().toList().get(1);
        assertTrue(agent101.contains(",3600,\"'=HYPERLINK(\"\"x\"\")=3600\","), agent101);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        var badDay = desk.exchange("GET", "/api/reports/agents?day=2026-13-01", OPS, null, null);
        var backwards = desk.exchange("GET", "/api/reports/campaigns?from=2026-03-03&to=2026-03-01", OPS, null, null);
        var badCampaign = desk.exchange("GET", "/api/reports/contact-hours.csv?campaign=Desk!", OPS, null, null);

        assertEquals(400, status(badDay));
        assertTrue(body(badDay).contains("day: '2026-13-01' (expected a day such as 2026-03-05)"), body(badDay));
        assertEquals(400, status(backwards));
        assertTrue(body(backwards).contains("to: 2026-03-01 (expected on or after from 2026-03-03)"), body(backwards));
        assertEquals(400, status(badCampaign));
        assertTrue(body(badCampaign).contains("campaign: 'Desk!'"), body(badCampaign));
    }

    @Test
    void agentsMayNotReadTheReports() {
        var response = desk.exchange("GET", "/api/reports/agents", TestDesk.AGENT_101, null, null);

        assertEquals(403, status(response));
    }

    private static JsonNode json(String response) throws Exception {
        assertEquals(200, status(response), response);
        return new ObjectMapper().readTree(body(response));
    }

    private static Attempt line(String callId, String at, CallOutcome outcome, boolean rightParty) {
        var start = java.time.Instant.parse(at);
        var zone = ZoneId.of("America/New_York");
        return new Attempt(callId, TestDesk.DESK, new AccountId("A-" + callId), new E164("+12125550100"), zone,
                LocalDateTime.ofInstant(start, zone), start, outcome.answered() ? start.plusSeconds(5) : null, null,
                start.plusSeconds(60), outcome, rightParty ? Disposition.NO_COMMITMENT : Disposition.NOT_CONNECTED,
                null, false, null, null, null, null, false, rightParty, Disclosure.NOTHING, List.of());
    }
}
