package io.duecall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.web.http.OpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection-level limits against a live server on loopback: idle and request timeouts, connection caps. */
class HttpConnectionEdgesTest {
    /** How long a test waits for the server's answer or close before calling it missing; far above every limit. */
    private static final int DEADLINE_MILLIS = 20_000;
    private final TestDesk desk = new TestDesk(4096);
    private final List<Socket> sockets = new ArrayList<>();
    private OpsServer server;

    @AfterEach
    void close() throws IOException {
        for (var socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
        desk.close();
    }

    // #18: connections that sent half a request and then nothing stayed open.
    @Test
    void silentConnectionIsClosedAtTheIdleTimeout() throws IOException {
        server = desk.start(TestDesk.limits(Duration.ofMillis(200), Duration.ofMinutes(5), 64, 64));
        var socket = connect(InetAddress.getLoopbackAddress());

        socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));

        var answer = readUntilClosed(socket);
        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
    }

    // #18: a request whose header never completes held its connection for as long as the peer liked.
    @Test
    void requestNotCompleteWithinTheRequestTimeoutIs408AndClosed() throws IOException {
        server = desk.start(TestDesk.limits(Duration.ofMinutes(5), Duration.ofMillis(200), 64, 64));
        var socket = connect(InetAddress.getLoopbackAddress());

        socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));

        var answer = readUntilClosed(socket);
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
    }

    // #18: there was no connection cap per client address.
    @Test
    void connectionBeyondTheCapOfItsAddressIs503() throws IOException {
        server = desk.start(TestDesk.limits(Duration.ofMinutes(5), Duration.ofMinutes(5), 64, 3));
        for (int i = 0; i < 3; i++) {
            assertEquals("HTTP/1.1 200 OK", statusLine(get(connect(InetAddress.getLoopbackAddress()), "/healthz")));
        }

        var refused = readUntilClosed(connect(InetAddress.getLoopbackAddress()));

        assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
        assertTrue(refused.contains("http.maxConnectionsPerAddress"), refused);
    }

    // #18: there was no connection cap for the server.
    @Test
    void connectionBeyondTheServerCapIs503() throws IOException {
        server = desk.start(TestDesk.limits(Duration.ofMinutes(5), Duration.ofMinutes(5), 3, 64));
        for (int i = 2; i <= 4; i++) {
            var from = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i});
            assertEquals("HTTP/1.1 200 OK", statusLine(get(connect(from), "/healthz")));
        }

        var refused = readUntilClosed(connect(InetAddress.getByAddress(new byte[] {127, 0, 0, 5})));

        assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
        assertTrue(refused.contains("http.maxConnections"), refused);
    }

    private Socket connect(InetAddress from) throws IOException {
        var socket = new Socket();
        sockets.add(socket);
        socket.setSoTimeout(DEADLINE_MILLIS);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), DEADLINE_MILLIS);
        return socket;
    }

    /** Sends a GET on a kept-alive connection and reads one response by its Content-Length. */
    private static String get(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        var in = socket.getInputStream();
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (var line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String statusLine(String response) {
        return response.substring(0, response.indexOf("\r\n"));
    }

    /** Everything the server sends until it closes; fails if it has not closed by the deadline. */
    private static String readUntilClosed(Socket socket) throws IOException {
        var out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        var buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server had not closed the connection after " + DEADLINE_MILLIS
                    + " ms; it sent: " + out.toString(StandardCharsets.UTF_8), e);
        } catch (SocketException reset) {
            // A reset after the answer still ends the connection; what arrived before it is the answer.
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
