package io.duecall.pbxsim.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;

/** A real asterisk-java FastAGI server on a free loopback port, serving one script, for tests. */
final class AsteriskJavaAgiServer implements AutoCloseable {
    private final CountDownLatch listening = new CountDownLatch(1);
    private final DefaultAgiServer server;
    private final Thread thread;
    private final int port;

    AsteriskJavaAgiServer(AgiScript script) throws Exception {
        port = freePort();
        server = new DefaultAgiServer(script) {
            @Override
            protected ServerSocketFacade createServerSocket() throws IOException {
                var socket = super.createServerSocket();
                listening.countDown();
                return socket;
            }
        };
        server.setPort(port);
        server.setAddress(InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "agi-test-server");
        thread.start();
        if (!listening.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("agi server did not start on port " + port);
        }
    }

    int port() {
        return port;
    }

    private void serve() {
        try {
            server.startup();
        } catch (IOException e) {
            throw new IllegalStateException("agi server on port " + port, e);
        }
    }

    private static int freePort() throws IOException {
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
