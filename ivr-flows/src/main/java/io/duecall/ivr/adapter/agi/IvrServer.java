package io.duecall.ivr.adapter.agi;

import io.duecall.domain.account.E164;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR's FastAGI endpoint: asterisk-java's {@link DefaultAgiServer} serving the script name {@value #SCRIPT} (and
 * any other script it is given by name) and refusing every other name. {@link #start()} returns once the socket is bound; the accept loop runs on its own thread
 * and every session on a virtual thread, so thousands of concurrent calls need no thousands of platform threads. The
 * connections are {@link AgiSockets}: only peers of {@code agi.allowFrom}, at most {@code agi.maxSessions} at once,
 * each environment bounded and timed whole, each reply bounded and timed by {@link IvrServerConfig#readTimeout()}.
 * What goes wrong with a peer or a session is logged here in one line, with phone numbers masked, never by
 * asterisk-java with its stack trace and the channel's name.
 */
public final class IvrServer implements AutoCloseable {
    public static final String SCRIPT = "reminder";
    private static final Logger LOG = LoggerFactory.getLogger(IvrServer.class);
    private static final long BIND_TIMEOUT_SECONDS = 10;
    private static final int BACKLOG = 200;

    private final IvrServerConfig config;
    private final SessionServer server;
    private final String names;
    private final CompletableFuture<AgiSockets> sockets = new CompletableFuture<>();
    private Thread thread;

    public IvrServer(IvrServerConfig config, AgiScript reminder) {
        this(config, reminder, AgiSessionListener.NONE);
    }

    /** As {@link #IvrServer(IvrServerConfig, AgiScript)}, telling {@code sessions} when each reminder session starts and ends. */
    public IvrServer(IvrServerConfig config, AgiScript reminder, AgiSessionListener sessions) {
        this(config, Map.of(SCRIPT, Objects.requireNonNull(reminder, "reminder")), sessions);
    }

    /**
     * Serves each script of {@code scripts} by its name (such as {@value #SCRIPT}, or {@value
     * PromptCheckAgiScript#SCRIPT} for the doctor's loop-back call) and refuses every other name; {@code sessions}
     * hears of every session.
     */
    public IvrServer(IvrServerConfig config, Map<String, AgiScript> scripts, AgiSessionListener sessions) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sessions, "sessions");
        this.names = String.join(", ", new java.util.TreeSet<>(scripts.keySet()));
        var counted = new java.util.HashMap<String, AgiScript>();
        scripts.forEach((name, script) -> counted.put(name, (request, channel) -> {
            sessions.sessionStarted();
            try {
                script.service(request, channel);
            } catch (AgiHangupException e) {
                LOG.debug("FastAGI session on {} ended: the PBX hung up", masked(request.getChannel()));
            } catch (AgiException | RuntimeException e) {
                // asterisk-java would log the channel's name, which holds the number dialed, with a stack trace.
                LOG.error("FastAGI session on {} failed: {}", masked(request.getChannel()), masked(e.toString()));
                LOG.debug("FastAGI session failure", e);
            } finally {
                sessions.sessionEnded();
            }
        }));
        MappingStrategy byName = (request, channel) -> {
            var peer = sockets.getNow(null) == null ? null
                    : sockets.getNow(null).peer(request.getRemoteAddress(), request.getRemotePort());
            if (peer == null || peer.refused()) {
                return IvrServer::nothing;
            }
            var script = request.getScript() == null ? null : counted.get(request.getScript());
            return script != null ? script : this::unknownScript;
        };
        this.server = new SessionServer(byName);
        server.setAddress(config.bindAddress());
        server.setPort(config.port());
    }

    /** A peer refused while sending its environment: already logged and closed. */
    private static void nothing(AgiRequest request, AgiChannel channel) {
        LOG.debug("nothing to run for a refused FastAGI peer");
    }

    private void unknownScript(AgiRequest request, AgiChannel channel) {
        LOG.warn("FastAGI request from {} for script '{}' refused (expected {})",
                request.getRemoteAddress() == null ? "?" : request.getRemoteAddress().getHostAddress(),
                printable(request.getScript()), names);
    }

    /** Text from the PBX or about a call, as it may be logged: numbers masked, cut short, no control characters. */
    static String masked(String text) {
        return printable(E164.maskNumbers(text));
    }

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        var cut = text.length() > 120 ? text.substring(0, 120) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** Binds and starts serving; fails if the address or port cannot be bound. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("IVR server on " + config.bindAddress() + ":" + config.port() + " already started");
        }
        thread = new Thread(this::serve, "ivr-fastagi-" + config.port());
        thread.setDaemon(true);
        thread.start();
        try {
            sockets.get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("IVR server could not listen on " + config.bindAddress() + ":" + config.port(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("IVR server did not bind within " + BIND_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the IVR server", e);
        }
    }

    /** The port the server listens on; known once {@link #start()} has returned. */
    public int port() {
        var bound = sockets.getNow(null);
        return bound == null ? -1 : bound.port();
    }

    /** FastAGI sessions running now, each on its own virtual thread. */
    public int sessionsRunning() {
        return server.running.get();
    }

    /** Connections open now: running sessions and peers still sending their environment. */
    public int connectionsOpen() {
        var bound = sockets.getNow(null);
        return bound == null ? 0 : bound.open();
    }

    /** Closes the listening socket; calls in progress finish on their own threads. */
    public synchronized void stop() {
        if (thread != null && sockets.isDone() && !sockets.isCompletedExceptionally()) {
            server.shutdown();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void serve() {
        try {
            server.startup();
        } catch (IOException e) {
            sockets.completeExceptionally(e);
        } catch (RuntimeException e) {
            sockets.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * asterisk-java's server with our sockets ({@link AgiSockets}, which also tell the port actually bound, which the
     * library does not report when asked for port 0), running each session on a virtual thread of its own.
     * asterisk-java hands every accepted connection to {@code execute}; its default pool of at most 100 platform
     * threads would refuse the 101st concurrent call.
     */
    private final class SessionServer extends DefaultAgiServer {
        private final ThreadFactory sessionThreads = Thread.ofVirtual().name("ivr-session-", 0).factory();
        private final AtomicInteger running = new AtomicInteger();

        SessionServer(MappingStrategy mapping) {
            super(mapping);
        }

        @Override
        protected void execute(Runnable session) {
            if (isDie()) {
                throw new RejectedExecutionException("IVR server is shutting down");
            }
            sessionThreads.newThread(() -> {
                running.incrementAndGet();
                try {
                    session.run();
                } finally {
                    running.decrementAndGet();
                }
            }).start();
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            var socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(config.bindAddress(), config.port()), BACKLOG);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            var bound = new AgiSockets(socket, config);
            sockets.complete(bound);
            return bound;
        }
    }
}
