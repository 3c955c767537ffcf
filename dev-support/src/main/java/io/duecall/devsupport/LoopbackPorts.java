package io.duecall.devsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free ports on the loopback interface, for the servers DueCall starts of its own (Redis, PostgreSQL, simulators). */
public final class LoopbackPorts {
    private LoopbackPorts() {}

    /** A port nothing listens on now; another process may still take it before the caller binds it. */
    public static int free() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
