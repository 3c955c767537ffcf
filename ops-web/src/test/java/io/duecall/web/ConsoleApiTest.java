package io.duecall.web;

import static io.duecall.web.TestDesk.OPS;
import static io.duecall.web.TestDesk.body;
import static io.duecall.web.TestDesk.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the supervisor board and the promise book read and change through the API. */
class ConsoleApiTest {
    private final TestDesk desk = new TestDesk(4096);

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
