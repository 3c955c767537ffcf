package io.duecall.web;

import static io.duecall.web.TestDesk.OPS;
import static io.duecall.web.TestDesk.body;
import static io.duecall.web.TestDesk.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests an attacker or a careless client would send, through the whole pipeline on an EmbeddedChannel. */
class HttpRequestEdgesTest {
    private final TestDesk desk = new TestDesk(4096);

    @AfterEach
    void close() {
        desk.close();
    }

    // #18: bodies were buffered before the token was checked.
    @Test
    void unauthenticatedRequestIsRefusedFromItsHeadersBeforeItsBodyArrives() {
        var channel = desk.channel();

        channel.writeInbound(Unpooled.copiedBuffer("POST /api/payments HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n", StandardCharsets.US_ASCII));

        var response = TestDesk.written(channel);
        assertFalse(response.isEmpty(), "no answer until the body has arrived");
        assertEquals(401, status(response), response);
        assertFalse(channel.isOpen(), "the unread body must not be taken as the next request");
        channel.finishAndReleaseAll();
    }

    @Test
    void apiPathsAnswer401BeforeSayingWhetherTheyExist() {
        var unknown = desk.exchange("GET", "/api/no-such-thing", null, null, null);
        var wrongMethod = desk.exchange("DELETE", "/api/campaigns", null, null, null);

        assertEquals(401, status(unknown), unknown);
        assertEquals(401, status(wrongMethod), wrongMethod);
    }

    // #18: a header block over the limit was cut and the request still ran.
    @Test
    void headerBlockOverTheLimitIs431AndTheRequestDoesNotRun() {
        desk.exchange("POST", "/api/campaigns/desk/start", OPS, null, null);
        var request = new StringBuilder("POST /api/campaigns/desk/pause HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + OPS + "\r\nContent-Length: 0\r\n");
        for (int i = 0; i < 3000; i++) {
            request.append("X-Pad-").append(i).append(": padding\r\n");
        }

        var response = desk.raw(request.append("\r\n").toString());

        assertEquals(431, status(response), response);
        assertTrue(body(desk.exchange("GET", "/api/campaigns", OPS, null, null)).contains("\"state\":\"RUNNING\""));
    }

    // #18: a URL over the limit answered 404 "no page /bad-request".
    @Test
    void urlOverTheLimitIs414() {
        var response = desk.raw("GET /api/campaigns/" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + OPS + "\r\n\r\n");

        assertEquals(414, status(response), response);
    }

    // #18: a request line Netty could not decode answered 404.
    @Test
    void requestLineThatCannotBeDecodedIs400() {
        var response = desk.raw("GARBAGE\r\n\r\n");

        assertEquals(400, status(response), response);
    }

    // #18: a bad percent escape closed the connection without an answer.
    @Test
    void badPercentEscapeInThePathIs400() {
        var response = desk.exchange("GET", "/api/campaigns/%ZZ", OPS, null, null);

        assertFalse(response.isEmpty(), "the connection was closed without an answer");
        assertEquals(400, status(response), response);
        assertTrue(body(response).contains("%ZZ"), response);
    }

    // #18: FOO /api/campaigns answered as a GET.
    @Test
    void unknownMethodIs405WithAllow() {
        var response = desk.exchange("FOO", "/api/campaigns", OPS, null, null);

        assertEquals(405, status(response), response);
        assertEquals("GET, HEAD, POST", header(response, "Allow"));
    }

    // #18: DELETE /api/campaigns answered with the list.
    @Test
    void deleteOnTheCampaignListIs405() {
        var response = desk.exchange("DELETE", "/api/campaigns", OPS, null, null);

        assertEquals(405, status(response), response);
        assertEquals("GET, HEAD, POST", header(response, "Allow"));
    }

    // #18: the eligibility explanation accepted any method.
    @Test
    void eligibilityAnswersOnlyGet() {
        var response = desk.exchange("POST", "/api/campaigns/desk/accounts/A-77/eligibility", OPS, null, null);

        assertEquals(405, status(response), response);
        assertEquals("GET, HEAD", header(response, "Allow"));
    }

    // #18: error bodies named internal classes (io.duecall.web.CampaignRoutes$PaymentFeed).
    @Test
    void errorBodiesNameNoInternalClass() {
        for (var body : new String[] {"[]", "{\"payments\":5}", "{\"payments\":[7]}", "\"text\"",
                "{\"payments\":[{\"amount\":[]}]}"}) {
            var response = desk.exchange("POST", "/api/payments", OPS, "application/json", body);

            assertEquals(400, status(response), response);
            assertFalse(Pattern.compile("io\\.duecall|java\\.|\\$|Exception").matcher(response).find(), response);
        }
    }

    // #18: pages had no Content-Security-Policy and framing was not refused.
    @Test
    void pagesForbidInlineScriptAndFraming() {
        for (var page : new String[] {"/", "/agent.html"}) {
            var response = desk.exchange("GET", page, null, null, null);

            var policy = header(response, "Content-Security-Policy");
            assertNotNull(policy, response);
            assertTrue(policy.contains("script-src 'self'"), policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), policy);
            assertFalse(policy.contains("unsafe-inline"), policy);
            assertEquals("nosniff", header(response, "X-Content-Type-Options"));
            var html = body(response);
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)|\\sstyle=|\\son[a-z]+=").matcher(html).find(), html);
        }
    }

    // #18: every GET of the figures added a sample to the history sent to every dashboard.
    @Test
    void figuresHistoryDoesNotGrowWithRequests() {
        for (int i = 0; i < 50; i++) {
            desk.exchange("GET", "/api/figures", OPS, null, null);
        }

        var figures = body(desk.exchange("GET", "/api/figures", OPS, null, null));

        var samples = figures.split("\"campaign\":\"desk\"", -1).length - 1;
        assertTrue(samples <= 1, samples + " samples after 51 requests at one instant: " + figures);
    }

    // #18: events were written to a client that did not read, without limit.
    @Test
    void eventClientWhoseChannelStaysFullIsSkippedThenDisconnected() {
        var channel = desk.channel();
        channel.writeInbound(Unpooled.copiedBuffer("GET /api/events?token=" + OPS + " HTTP/1.1\r\nHost: x\r\n\r\n",
                StandardCharsets.US_ASCII));
        TestDesk.written(channel);
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        int allowed = desk.config.limits().maxSkippedEvents();

        for (int i = 0; i < allowed; i++) {
            desk.web.events().publish();
        }
        var whileFull = TestDesk.written(channel);
        boolean openWhileFull = channel.isOpen();
        desk.web.events().publish();
        channel.runPendingTasks();

        assertEquals("", whileFull, "events were written to a connection whose buffer is full");
        assertTrue(openWhileFull, "disconnected before missing " + allowed + " events");
        assertFalse(channel.isOpen(), "a client that does not read keeps its connection");
        assertEquals(0, desk.web.events().listening());
        channel.finishAndReleaseAll();
    }

    @Test
    void eventClientThatDrainsItsBufferReceivesEventsAgain() {
        var channel = desk.channel();
        channel.writeInbound(Unpooled.copiedBuffer("GET /api/events?token=" + OPS + " HTTP/1.1\r\nHost: x\r\n\r\n",
                StandardCharsets.US_ASCII));
        TestDesk.written(channel);
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        desk.web.events().publish();

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        desk.web.events().publish();

        assertTrue(TestDesk.written(channel).contains("event: figures"));
        assertTrue(channel.isOpen());
        channel.finishAndReleaseAll();
    }

    @Test
    void headOfTheEventStreamIsItsHeadOnly() {
        var channel = desk.channel();
        channel.writeInbound(Unpooled.copiedBuffer("HEAD /api/events?token=" + OPS + " HTTP/1.1\r\nHost: x\r\n\r\n",
                StandardCharsets.US_ASCII));

        var response = TestDesk.written(channel);
        desk.web.events().publish();

        assertEquals(200, status(response), response);
        assertEquals("text/event-stream; charset=utf-8", header(response, "Content-Type"));
        assertEquals("", TestDesk.written(channel));
        assertEquals(0, desk.web.events().listening());
        channel.finishAndReleaseAll();
    }

    static String header(String response, String name) {
        var head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
        for (var line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
