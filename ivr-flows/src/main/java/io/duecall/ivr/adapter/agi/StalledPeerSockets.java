package io.duecall.ivr.adapter.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * asterisk-java's accepted sockets with one addition: a read that times out (the socket's read timeout, set by the
 * server) names the silent peer in the log before the session fails. asterisk-java then closes the socket, and a
 * session already running its flow sees a lost connection, which ends its call as a lost IVR session.
 */
final class StalledPeerSockets implements ServerSocketFacade {
    private static final Logger LOG = LoggerFactory.getLogger(IvrServer.class);
    private final ServerSocketFacade accepted;
    private final Duration readTimeout;
    private final PeerAllowList allowFrom;

    StalledPeerSockets(ServerSocketFacade accepted, Duration readTimeout, PeerAllowList allowFrom) {
        this.accepted = accepted;
        this.readTimeout = readTimeout;
        this.allowFrom = allowFrom;
    }

    /** The next connection from an allowed peer; one from any other address is closed unread. */
    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            var socket = accepted.accept();
            if (allowFrom.permits(socket.getRemoteAddress())) {
                return new Peer(socket);
            }
            LOG.warn("FastAGI connection from {} refused: not in agi.allowFrom ({})",
                    socket.getRemoteAddress().getHostAddress(), allowFrom);
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        accepted.close();
    }

    @Override
    public void setSocketReadTimeout(int millis) {
        accepted.setSocketReadTimeout(millis);
    }

    private final class Peer implements SocketConnectionFacade {
        private final SocketConnectionFacade socket;
        private boolean spokeOnce;

        Peer(SocketConnectionFacade socket) {
            this.socket = socket;
        }

        @Override
        public String readLine() throws IOException {
            try {
                var line = socket.readLine();
                spokeOnce = true;
                return line;
            } catch (SocketTimeoutException e) {
                LOG.warn("FastAGI peer {}:{} sent nothing for {} {}; closing its session", getRemoteAddress(),
                        getRemotePort(), readTimeout, spokeOnce ? "while its flow waited for a reply" : "after connecting");
                throw e;
            }
        }

        @Override
        public void write(String s) throws IOException {
            socket.write(s);
        }

        @Override
        public void flush() throws IOException {
            socket.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected();
        }

        @Override
        public InetAddress getLocalAddress() {
            return socket.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return socket.getLocalPort();
        }

        @Override
        public InetAddress getRemoteAddress() {
            return socket.getRemoteAddress();
        }

        @Override
        public int getRemotePort() {
            return socket.getRemotePort();
        }
    }
}
