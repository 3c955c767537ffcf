package io.duecall.ivr.adapter.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server's listening socket, handed to asterisk-java's server in place of its own: its connections read
 * lines of bounded length and a bounded AGI environment under one deadline ({@link AgiPeer}), a peer not in
 * {@code agi.allowFrom} is closed unread, and beyond {@code agi.maxSessions} open sessions a new connection is closed
 * at once, with one log line when the limit is reached and one when the server takes connections again.
 */
final class AgiSockets implements ServerSocketFacade {
    private static final Logger LOG = LoggerFactory.getLogger(IvrServer.class);
    private final ServerSocket server;
    private final IvrServerConfig config;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetSocketAddress, AgiPeer> peers = new ConcurrentHashMap<>();
    private final RefusedPeers refused = new RefusedPeers();
    /** Touched by the accept thread only. */
    private long refusedAtLimit = -1;

    AgiSockets(ServerSocket server, IvrServerConfig config) {
        this.server = server;
        this.config = config;
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next connection to serve; connections refused on the way are closed and logged here. */
    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            var socket = server.accept();
            var address = socket.getInetAddress();
            if (!config.allowFrom().permits(address)) {
                refused.notAllowed(address, config.allowFrom());
                closeQuietly(socket);
                continue;
            }
            int max = config.limits().maxSessions();
            if (open.get() >= max) {
                if (refusedAtLimit < 0) {
                    refusedAtLimit = 0;
                    LOG.warn("FastAGI sessions at the limit of {} (agi.maxSessions): new connections are closed until"
                            + " sessions end", max);
                }
                refusedAtLimit++;
                closeQuietly(socket);
                continue;
            }
            if (refusedAtLimit >= 0) {
                LOG.warn("FastAGI sessions below the limit of {} (agi.maxSessions) again: {} connection(s) were closed"
                        + " meanwhile", max, refusedAtLimit);
                refusedAtLimit = -1;
            }
            AgiPeer peer;
            try {
                peer = new AgiPeer(socket, config, this::closed);
            } catch (IOException e) {
                LOG.info("FastAGI connection from {} lost as it was accepted ({})", address.getHostAddress(),
                        e.getClass().getSimpleName());
                closeQuietly(socket);
                continue;
            }
            open.incrementAndGet();
            peers.put(peer.remote(), peer);
            return peer;
        }
    }

    /** The peer connected from {@code address} and {@code port}, or null once its connection is closed. */
    AgiPeer peer(InetAddress address, int port) {
        return address == null ? null : peers.get(new InetSocketAddress(address, port));
    }

    /** Connections open now, sessions and those still sending their environment. */
    int open() {
        return open.get();
    }

    private void closed(AgiPeer peer) {
        peers.remove(peer.remote());
        open.decrementAndGet();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** The deadline of each read is the peer's own business ({@link AgiPeer}); asterisk-java's value is not used. */
    @Override
    public void setSocketReadTimeout(int millis) {
        // Each AgiPeer times its reads from IvrServerConfig: the whole environment, then each reply.
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a refused FastAGI connection failed", e);
        }
    }
}
