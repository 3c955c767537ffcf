package io.duecall.pbxsim;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal FastAGI server: for each session, sends the given commands one by one, then reads whatever else the PBX
 * says until it closes or sends the HANGUP notice, on which the session is closed. The first session's agi_* environment, replies and later lines are recorded.
 */
final class PlainAgiServer implements AutoCloseable {
    final CompletableFuture<List<String>> environment = new CompletableFuture<>();
    final CompletableFuture<List<String>> replies = new CompletableFuture<>();
    final CompletableFuture<List<String>> afterCommands = new CompletableFuture<>();
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

    PlainAgiServer(List<String> commands) throws Exception {
        Thread.ofVirtual().start(() -> acceptAll(commands));
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptAll(List<String> commands) {
        while (!server.isClosed()) {
            try {
                var socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket, commands));
            } catch (Exception e) {
                environment.completeExceptionally(e);
                replies.completeExceptionally(e);
                afterCommands.complete(List.of("closed: " + e));
            }
        }
    }

    private void serve(java.net.Socket session, List<String> commands) {
        try (var socket = session) {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            var env = new ArrayList<String>();
            for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                env.add(line);
            }
            environment.complete(env);
            var got = new ArrayList<String>();
            for (var command : commands) {
                out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                got.add(in.readLine());
            }
            replies.complete(got);
            var rest = new ArrayList<String>();
            for (var line = in.readLine(); line != null; line = in.readLine()) {
                rest.add(line);
                if (line.equals("HANGUP")) {
                    // As a FastAGI script does on the notice: close, which is what lets the channel move on.
                    break;
                }
            }
            afterCommands.complete(rest);
        } catch (Exception e) {
            environment.completeExceptionally(e);
            replies.completeExceptionally(e);
            afterCommands.complete(List.of("closed: " + e));
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
