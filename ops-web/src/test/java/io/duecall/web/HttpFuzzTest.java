package io.duecall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.web.http.OpsServer;
import io.duecall.web.http.OpsWebConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random request lines, header blocks and bodies against a live operations server on loopback. For every input:
 * no 500, no stack trace or internal class name in what the peer receives, and the server answers or closes within
 * a deadline. After each property the heap after GC stays within a fixed bound and the server still answers a
 * legitimate request. The figures are printed at the end.
 */
class HttpFuzzTest {
    /** The heap after GC may not pass this, whatever was sent: well under what one unbounded body would take. */
    private static final long HEAP_BOUND = 256L * 1024 * 1024;
    private static final int DEADLINE_MILLIS = 20_000;
    private static final Pattern LEAK = Pattern.compile(
            "io\\.duecall|io\\.netty|com\\.fasterxml|java\\.[a-z]+\\.|Exception|\\tat |\\$[A-Z]");
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})");
    private static final Map<String, AtomicInteger> TRIED = new java.util.concurrent.ConcurrentSkipListMap<>();
    private static final Map<String, AtomicInteger> FAILED = new ConcurrentHashMap<>();
    private static final Map<String, Long> HEAP = new ConcurrentHashMap<>();
    private static TestDesk desk;
    private static OpsServer server;
    private static volatile String current;

    @BeforeContainer
    static void start() {
        desk = new TestDesk(64 * 1024);
        var d = OpsWebConfig.Limits.defaults();
        server = desk.start(new OpsWebConfig.Limits(d.maxRequestLineBytes(), d.maxHeaderBytes(), 64 * 1024,
                Duration.ofSeconds(2), Duration.ofSeconds(2), d.maxConnections(), d.maxConnectionsPerAddress(),
                d.maxPendingEventBytes(), d.maxSkippedEvents(), d.historyInterval(), d.historySamples()));
    }

    @AfterContainer
    static void report() {
        server.close();
        desk.close();
        System.out.println("HTTP fuzz against a live OpsServer (jqwik):");
        TRIED.forEach((property, tried) -> System.out.printf("  %-14s %5d inputs tried, %d failures, heap after GC %d MiB"
                + " (bound %d MiB)%n", property, tried.get(), FAILED.getOrDefault(property, new AtomicInteger()).get(),
                HEAP.getOrDefault(property, 0L) >> 20, HEAP_BOUND >> 20));
    }

    @AfterProperty
    void stillServesAndStaysBounded() throws IOException {
        assertEquals(200, status(send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")));
        assertEquals(200, status(send("GET /api/campaigns HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + TestDesk.OPS + "\r\n\r\n")));
        long heap = heapAfterGc();
        HEAP.put(current, heap);
        assertTrue(heap < HEAP_BOUND, "heap after GC " + (heap >> 20) + " MiB");
    }

    @Property(tries = 1000)
    void requestLines(@ForAll("requestLines") String line) throws IOException {
        check("request lines", line + "\r\nHost: x\r\nAuthorization: Bearer " + TestDesk.OPS + "\r\n\r\n");
    }

    @Property(tries = 1000)
    void headerBlocks(@ForAll("targets") String target, @ForAll("headerBlocks") String headers) throws IOException {
        check("header blocks", target + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n");
    }

    @Property(tries = 1000)
    void bodies(@ForAll("bodyTargets") String target, @ForAll("bodies") String body, @ForAll boolean chunked,
            @ForAll("lengthSkew") int skew) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var head = target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestDesk.OPS + "\r\n"
                + "Content-Type: " + (target.contains("/accounts") ? "text/csv" : "application/json") + "\r\n";
        String request;
        if (chunked) {
            request = head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(bytes.length) + "\r\n" + body
                    + "\r\n0\r\n\r\n";
        } else {
            request = head + "Content-Length: " + Math.max(0, bytes.length + skew) + "\r\n\r\n" + body;
        }
        check("bodies", request);
    }

    private static void check(String property, String request) throws IOException {
        current = property;
        TRIED.computeIfAbsent(property, p -> new AtomicInteger()).incrementAndGet();
        var answer = send(request);
        var problem = problem(answer);
        if (problem != null) {
            FAILED.computeIfAbsent(property, p -> new AtomicInteger()).incrementAndGet();
        }
        assertEquals(null, problem, answer);
    }

    /** What is wrong with the server's answer, or null. 501 (no campaign editor) and 503 are answers, not failures. */
    private static String problem(String answer) {
        var statuses = STATUS.matcher(answer);
        while (statuses.find()) {
            if (statuses.group(1).equals("500")) {
                return "status 500";
            }
        }
        if (!answer.startsWith("HTTP/1.1 2") && LEAK.matcher(answer).find()) {
            return "an internal name or a stack trace reached the peer";
        }
        return null;
    }

    @Provide
    Arbitrary<String> requestLines() {
        var methods = Arbitraries.oneOf(Arbitraries.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH",
                "FOO", "get", "CONNECT", "TRACE", ""), Arbitraries.strings().ofMaxLength(12));
        var version = Arbitraries.of("HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1.1 extra", "", "HTTP/x", "http/1.1");
        var line = Combinators.combine(methods, paths(), version).as((m, p, v) -> m + " " + p + " " + v);
        return Arbitraries.oneOf(line, Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("GET /a%").ofMinLength(8_000).ofMaxLength(9_000));
    }

    @Provide
    Arbitrary<String> targets() {
        return Combinators.combine(Arbitraries.of("GET", "HEAD", "POST", "PUT", "DELETE", "FOO"), Arbitraries.of(
                "/", "/healthz", "/api/campaigns", "/api/campaigns/desk", "/api/campaigns/desk/pause", "/api/payments",
                "/api/events", "/api/agents/101/pause", "/api/figures")).as((m, p) -> m + " " + p);
    }

    @Provide
    Arbitrary<String> headerBlocks() {
        var name = Arbitraries.oneOf(Arbitraries.of("Content-Length", "Transfer-Encoding", "Authorization",
                "Content-Type", "Expect", "Connection", "Host", "Upgrade", "X-Pad"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(20));
        var value = Arbitraries.oneOf(Arbitraries.of("0", "-1", "99999999999999999999", "5, 5", "chunked",
                "gzip, chunked", "100-continue", "close", "keep-alive", "Bearer " + TestDesk.OPS, "Bearer",
                "Bearer x", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "application/json", "text/csv; charset=utf-8"),
                Arbitraries.strings().ofMaxLength(100));
        var header = Combinators.combine(name, value).as((n, v) -> n + ": " + v + "\r\n");
        var few = header.list().ofMaxSize(12).map(list -> String.join("", list));
        var many = Combinators.combine(header, Arbitraries.integers().between(500, 3000))
                .as((h, n) -> h.repeat(n));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, few), net.jqwik.api.Tuple.of(1, many));
    }

    @Provide
    Arbitrary<String> bodyTargets() {
        return Arbitraries.of("POST /api/payments", "POST /api/campaigns", "PUT /api/campaigns/desk",
                "POST /api/campaigns/desk/accounts", "POST /api/calls/c-1/disposition", "POST /api/agents/101/pause",
                "POST /api/campaigns/desk/start", "GET /api/figures");
    }

    @Provide
    Arbitrary<String> bodies() {
        var number = Arbitraries.oneOf(Arbitraries.of("0", "-5", "1e309", "12.345", "99999999999999999999999",
                "\"١٢٣\"", "\"125.50\"", "null", "true", "[]", "{}"), Arbitraries.integers().map(String::valueOf));
        var text = Arbitraries.strings().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"");
        var value = Arbitraries.oneOf(number, text);
        var field = Combinators.combine(Arbitraries.of("payments", "accountId", "amount", "currency", "paidAt",
                "reference", "outcome", "payBy", "reason", "id", "channelLimit", "x"), value)
                .as((k, v) -> "\"" + k + "\":" + v);
        var object = field.list().ofMaxSize(6).map(f -> "{" + String.join(",", f) + "}");
        var payments = object.list().ofMaxSize(4).map(list -> "{\"payments\":[" + String.join(",", list) + "]}");
        var csv = Arbitraries.strings().ofMaxLength(300).map(s -> "account_id,debtor_name,phones,time_zone,amount_due,"
                + "currency,due_date,days_past_due\n" + s);
        return Arbitraries.oneOf(object, payments, csv, Arbitraries.strings().ofMaxLength(500),
                Arbitraries.strings().withChars("{[\"").ofMinLength(1_000).ofMaxLength(70_000));
    }

    @Provide
    Arbitrary<Integer> lengthSkew() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-20, -1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 100_000)));
    }

    private static Arbitrary<String> paths() {
        var segment = Arbitraries.oneOf(Arbitraries.of("api", "campaigns", "desk", "agents", "101", "calls",
                "payments", "events", "accounts", "eligibility", "%ZZ", "%2F", "%", "..", "", "%00", "é", "a b",
                "healthz", "?token=" + TestDesk.OPS, "?a=%zz"), Arbitraries.strings().ofMaxLength(10));
        return segment.list().ofMaxSize(7).map(list -> "/" + String.join("/", list));
    }

    /** Sends raw bytes on a fresh connection, ends our side, and reads until the server closes. */
    private static String send(String request) throws IOException {
        try (var socket = new Socket()) {
            socket.setSoTimeout(DEADLINE_MILLIS);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), DEADLINE_MILLIS);
            var out = new ByteArrayOutputStream();
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                socket.shutdownOutput();
            } catch (SocketException refusedMidway) {
                // The server answered and closed before taking all of it; what it answered is read below.
            }
            var in = socket.getInputStream();
            var buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server neither answered nor closed within " + DEADLINE_MILLIS + " ms");
            } catch (SocketException reset) {
                // Reset after its answer: the answer is what arrived before.
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static int status(String answer) {
        var m = STATUS.matcher(answer);
        assertTrue(m.find(), answer);
        return Integer.parseInt(m.group(1));
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
