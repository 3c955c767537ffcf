package io.duecall.web;

import io.duecall.web.http.OpsWebConfig;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The attacks on the operations server, measured: unauthenticated large bodies, slow headers, figures requested
 * many times, and event-stream clients that do not read. Prints memory (RSS, heap after GC, Netty's pooled buffers)
 * and connection counts. It takes over two minutes of wall time, so it runs only when asked for:
 * {@code mvn -B -pl ops-web -am test -Dtest=HttpAttackProbe -Dduecall.attacks=all -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dduecall.attacks=bodies,slow,uncapped} for some of them, with the connection caps out of the way).
 */
class HttpAttackProbe {
    @Test
    @EnabledIfSystemProperty(named = "duecall.attacks", matches = ".+")
    void measureTheAttacks() throws Exception {
        var attacks = System.getProperty("duecall.attacks");
        main(new String[] {attacks.equals("all") ? "bodies,slow,figures,events" : attacks});
    }

    public static void main(String[] args) throws Exception {
        var only = args.length == 0 ? "bodies,slow,figures,events" : args[0];
        var d = OpsWebConfig.Limits.defaults();
        // "uncapped": connection caps out of the way, to see what the other limits do on their own.
        var limits = !only.contains("uncapped") ? d : new OpsWebConfig.Limits(d.maxRequestLineBytes(),
                d.maxHeaderBytes(), d.maxBodyBytes(), d.idleTimeout(), d.requestTimeout(), 10_000, 10_000,
                d.maxPendingEventBytes(), d.maxSkippedEvents(), d.historyInterval(), d.historySamples());
        try (var desk = new TestDesk(OpsWebConfig.DEFAULT_MAX_BODY); var server = desk.start(limits)) {
            System.out.printf("%-58s %s%n", "start", memory());
            if (only.contains("bodies")) {
                bodies(server.port());
            }
            if (only.contains("slow")) {
                slowHeaders(server.port());
            }
            if (only.contains("figures")) {
                figures(server.port());
            }
            if (only.contains("events")) {
                events(server.port());
            }
        }
    }

    /** 100 connections without a token, each declaring 4 MiB - 1 and sending all of it but its last byte. */
    private static void bodies(int port) throws Exception {
        int length = 4 * 1024 * 1024 - 1;
        var sockets = new ArrayList<Socket>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                var socket = connect(port);
                sockets.add(socket);
                pool.submit(() -> {
                    try {
                        var out = socket.getOutputStream();
                        out.write(("POST /api/payments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        var chunk = new byte[64 * 1024];
                        for (int sent = 0; sent < length - 1; sent += chunk.length) {
                            out.write(chunk, 0, Math.min(chunk.length, length - 1 - sent));
                        }
                        out.flush();
                    } catch (IOException refused) {
                        // The server answered and closed before the body was sent: what a bounded server does.
                    }
                    return null;
                });
            }
        }
        System.out.printf("%-58s %s; %d of 100 still open%n", "100 unauthenticated 4 MiB-1 bodies, held open",
                memory(), open(sockets));
        close(sockets);
    }

    /** 200 connections sending half a header, then nothing for 60 s. */
    private static void slowHeaders(int port) throws Exception {
        var sockets = new ArrayList<Socket>();
        for (int i = 0; i < 200; i++) {
            try {
                var socket = connect(port);
                sockets.add(socket);
                socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException refused) {
                // Counted as not open below.
            }
        }
        System.out.printf("%-58s %s; %d of 200 open%n", "200 slow-header connections", memory(), open(sockets));
        TimeUnit.SECONDS.sleep(60);
        System.out.printf("%-58s %s; %d of 200 still open%n", "  after 60 s of silence", memory(), open(sockets));
        close(sockets);
    }

    /** 3,000 GETs of the figures, then the size of one figures event. */
    private static void figures(int port) throws Exception {
        var token = TestDesk.OPS;
        try (var socket = connect(port)) {
            for (int i = 0; i < 3000; i++) {
                socket.getOutputStream().write(("GET /api/figures HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                readResponse(socket.getInputStream());
            }
        }
        try (var socket = connect(port)) {
            socket.getOutputStream().write(("GET /api/events?token=" + token + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var in = socket.getInputStream();
            var text = new StringBuilder();
            while (!text.toString().contains("\n\n")) {
                text.append((char) in.read());
            }
            var event = new StringBuilder();
            for (int b; (b = in.read()) >= 0; ) {
                event.append((char) b);
                if (event.toString().endsWith("\n\n")) {
                    break;
                }
            }
            System.out.printf("%-58s %s; one figures event: %d bytes%n", "after 3,000 GETs of /api/figures", memory(),
                    event.length());
        }
    }

    /** Five event-stream clients that never read, for 60 s. */
    private static void events(int port) throws Exception {
        var sockets = new ArrayList<Socket>();
        for (int i = 0; i < 5; i++) {
            var socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.getOutputStream().write(("GET /api/events?token=" + TestDesk.OPS + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            sockets.add(socket);
        }
        var before = memory();
        TimeUnit.SECONDS.sleep(60);
        System.out.printf("%-58s %s -> %s; %d of 5 still connected%n", "5 event clients not reading, 60 s", before,
                memory(), open(sockets));
        close(sockets);
    }

    private static Socket connect(int port) throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private static void readResponse(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
        }
        for (var line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    /** Connections the server has not closed: a read that times out means still open. */
    private static int open(List<Socket> sockets) {
        int open = 0;
        for (var socket : sockets) {
            try {
                socket.setSoTimeout(50);
                var in = socket.getInputStream();
                var buffer = new byte[65536];
                int n;
                do {
                    n = in.read(buffer);
                } while (n > 0);
            } catch (SocketTimeoutException stillOpen) {
                open++;
            } catch (IOException closed) {
                // Reset by the server: closed.
            }
        }
        return open;
    }

    private static void close(List<Socket> sockets) {
        for (var socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing our own probe socket; nothing to report.
            }
        }
    }

    private static String memory() throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        var metric = PooledByteBufAllocator.DEFAULT.metric();
        long pooled = metric.usedDirectMemory() + metric.usedHeapMemory();
        long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0) * 1024;
        return String.format("rss %4d MiB, heap %4d MiB, netty pool %4d MiB", rss >> 20, heap >> 20, pooled >> 20);
    }
}
