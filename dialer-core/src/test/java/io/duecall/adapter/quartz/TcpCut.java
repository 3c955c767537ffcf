package io.duecall.adapter.quartz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP relay in front of a server that a test can cut and restore, as a database or PBX going away:
 * {@link #cut()} closes every relayed connection and closes each new one at once until {@link #restore()}.
 */
public final class TcpCut implements AutoCloseable {
    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean cut;

    public TcpCut(String host, int port) throws IOException {
        target = new InetSocketAddress(host, port);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every connection now and every later one on arrival. */
    public void cut() {
        cut = true;
        open.forEach(TcpCut::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private Void accept() {
        while (!listener.isClosed()) {
            try {
                var client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                var server = new Socket();
                server.connect(target, 3000);
                open.add(client);
                open.add(server);
                if (cut) {
                    closeQuietly(client);
                    closeQuietly(server);
                    continue;
                }
                threads.submit(() -> pump(client, server));
                threads.submit(() -> pump(server, client));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return null;
                }
                // One failed connection (the server refused it) must not stop the relay.
            }
        }
        return null;
    }

    private Void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // The other direction or a cut closed the pair; closing below ends both pumps.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket that is already broken has nothing left to report.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
        threads.shutdownNow();
    }
}
