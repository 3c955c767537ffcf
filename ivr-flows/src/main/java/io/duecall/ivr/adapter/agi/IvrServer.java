package io.duecall.ivr.adapter.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

/**
 * The IVR's FastAGI endpoint: asterisk-java's {@link DefaultAgiServer} serving the script name {@value #SCRIPT} and
 * refusing every other name. {@link #start()} returns once the socket is bound; the accept loop runs on its own thread
 * and every session on a virtual thread, so thousands of concurrent calls need no thousands of platform threads. A
 * peer silent for longer than {@link IvrServerConfig#readTimeout()} is disconnected.
 */
public final class IvrServer implements AutoCloseable {
    public static final String SCRIPT = "reminder";
    private static final long BIND_TIMEOUT_SECONDS = 10;

    private final IvrServerConfig config;
    private final BoundPortAgiServer server;
    private final CompletableFuture<Integer> boundPort = new CompletableFuture<>();
    private Thread thread;

    public IvrServer(IvrServerConfig config, AgiScript reminder) {
        this(config, reminder, AgiSessionListener.NONE);
    }

    /** As {@link #IvrServer(IvrServerConfig, AgiScript)}, telling {@code sessions} when each reminder session starts and ends. */
    public IvrServer(IvrServerConfig config, AgiScript reminder, AgiSessionListener sessions) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(reminder, "reminder");
        Objects.requireNonNull(sessions, "sessions");
        AgiScript counted = (request, channel) -> {
            sessions.sessionStarted();
            try {
                reminder.service(request, channel);
            } finally {
                sessions.sessionEnded();
            }
        };
        MappingStrategy onlyReminder = (request, channel) -> SCRIPT.equals(request.getScript()) ? counted : null;
        this.server = new BoundPortAgiServer(onlyReminder);
        server.setAddress(config.bindAddress());
        server.setPort(config.port());
        // asterisk-java's default is three hours: a peer that stalls would hold its session (and call) that long.
        server.setSocketReadTimeout((int) config.readTimeout().toMillis());
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
            boundPort.get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
        return boundPort.getNow(-1);
    }

    /** FastAGI sessions running now, each on its own virtual thread. */
    public int sessionsRunning() {
        return server.running.get();
    }

    /** Closes the listening socket; calls in progress finish on their own threads. */
    public synchronized void stop() {
        if (thread != null && boundPort.isDone() && !boundPort.isCompletedExceptionally()) {
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
            boundPort.completeExceptionally(e);
        } catch (RuntimeException e) {
            boundPort.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Learns the port actually bound, which asterisk-java does not report when asked for port 0, and runs each session
     * on a virtual thread of its own. asterisk-java hands every accepted connection to {@code execute}; its default
     * pool of at most 100 platform threads would refuse the 101st concurrent call.
     */
    private final class BoundPortAgiServer extends DefaultAgiServer {
        private final ThreadFactory sessionThreads = Thread.ofVirtual().name("ivr-session-", 0).factory();
        private final AtomicInteger running = new AtomicInteger();

        BoundPortAgiServer(MappingStrategy mapping) {
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
            var facade = super.createServerSocket();
            boundPort.complete(localPort(facade));
            return new StalledPeerSockets(facade, config.readTimeout(), config.allowFrom());
        }
    }

    /**
     * asterisk-java's ServerSocketFacadeImpl keeps its ServerSocket private; the field is read once at startup and
     * the pinned library version is covered by the tests that start this server on port 0.
     */
    private static int localPort(ServerSocketFacade facade) {
        try {
            var field = facade.getClass().getDeclaredField("serverSocket");
            field.setAccessible(true);
            return ((ServerSocket) field.get(facade)).getLocalPort();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read the bound port from " + facade.getClass(), e));
        }
    }
}
