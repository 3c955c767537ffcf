package io.duecall.ivr.adapter.agi;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI connection as asterisk-java reads it, line by line, with limits the library's own reader lacks. The
 * whole AGI environment is read first, before the library sees any of it: at most {@code maxHeaderLines} lines and
 * {@code maxHeaderBytes} bytes, each line {@code agi_name: value} and at most {@code maxLineBytes}, all within
 * {@code headerTimeout} of connecting however the peer paces it. A peer that breaks a limit, stalls or closes early
 * costs one log line (no stack trace); its connection is closed and the library is handed an empty environment, for
 * which {@link IvrServer} runs nothing. After the environment, each reply line is bounded too and must come within
 * {@code readTimeout}.
 */
final class AgiPeer implements SocketConnectionFacade {
    private static final Logger LOG = LoggerFactory.getLogger(IvrServer.class);
    /** Every line Asterisk sends in an AGI environment: {@code agi_channel: PJSIP/carrier-00000001}. */
    private static final Pattern VARIABLE = Pattern.compile("agi_[A-Za-z0-9_]+:.*");

    private final Socket socket;
    private final BoundedLines reader;
    private final Writer out;
    private final IvrServerConfig config;
    private final Consumer<AgiPeer> onClose;
    private final InetSocketAddress remote;
    private final long headerDeadline;
    private Queue<String> environment;
    private volatile boolean refused;
    private final AtomicBoolean closed = new AtomicBoolean();

    AgiPeer(Socket socket, IvrServerConfig config, Consumer<AgiPeer> onClose) throws IOException {
        this.socket = socket;
        this.config = config;
        this.onClose = onClose;
        this.remote = new InetSocketAddress(socket.getInetAddress(), socket.getPort());
        this.headerDeadline = System.nanoTime() + config.limits().headerTimeout().toNanos();
        this.reader = new BoundedLines(socket, config.limits().maxLineBytes(), config.readTimeout(), headerDeadline);
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    InetSocketAddress remote() {
        return remote;
    }

    /** Whether this peer's environment was refused (and logged): the session runs nothing. */
    boolean refused() {
        return refused;
    }

    @Override
    public String readLine() throws IOException {
        if (environment == null) {
            environment = readEnvironment();
        }
        if (!environment.isEmpty()) {
            return environment.poll();
        }
        return refused ? null : readReply();
    }

    /** The environment's lines and the blank line ending it; empty when the peer is refused. */
    private Queue<String> readEnvironment() {
        var lines = new ArrayDeque<String>();
        var limits = config.limits();
        long bytes = 0;
        try {
            while (true) {
                var text = reader.readLine(/* environment= */ true);
                if (text == null) {
                    return refuse(reader.received() == 0 ? null
                            : "closed the connection before its AGI environment was complete", false);
                }
                bytes += text.length() + 1L;
                if (text.isEmpty()) {
                    lines.add(text);
                    return lines;
                }
                if (lines.size() >= limits.maxHeaderLines()) {
                    return refuse("sent an AGI environment of more than " + limits.maxHeaderLines()
                            + " lines (agi.maxHeaderLines)", true);
                }
                if (bytes > limits.maxHeaderBytes()) {
                    return refuse("sent an AGI environment of more than " + limits.maxHeaderBytes()
                            + " bytes (agi.maxHeaderBytes)", true);
                }
                if (!VARIABLE.matcher(text).matches()) {
                    return refuse("sent a line that is not an AGI variable (expected agi_name: value)", true);
                }
                lines.add(text);
            }
        } catch (BoundedLines.LineTooLongException e) {
            return refuse("sent a line of more than " + limits.maxLineBytes() + " bytes (agi.maxLineBytes)", true);
        } catch (SocketTimeoutException e) {
            return refuse(System.nanoTime() - headerDeadline >= 0
                    ? "sent no complete AGI environment within " + limits.headerTimeout() + " (agi.headerTimeout)"
                    : "sent nothing for " + config.readTimeout() + " in its AGI environment (agi.readTimeout)", true);
        } catch (IOException e) {
            return refuse("lost its connection before its AGI environment was complete ("
                    + e.getClass().getSimpleName() + ")", false);
        }
    }

    /** Logs why (null: a connection that sent nothing at all, logged at debug), closes and runs nothing. */
    private Queue<String> refuse(String why, boolean warn) {
        refused = true;
        if (why == null) {
            LOG.debug("FastAGI peer {} connected and closed without a request", who());
        } else if (warn) {
            LOG.warn("FastAGI peer {} {}; connection closed", who(), why);
        } else {
            LOG.info("FastAGI peer {} {}", who(), why);
        }
        close();
        return new ArrayDeque<>();
    }

    private String readReply() throws IOException {
        try {
            return reader.readLine(/* environment= */ false);
        } catch (BoundedLines.LineTooLongException e) {
            LOG.warn("FastAGI peer {} sent a reply line of more than {} bytes (agi.maxLineBytes); closing its session",
                    who(), config.limits().maxLineBytes());
            close();
            throw e;
        } catch (SocketTimeoutException e) {
            LOG.warn("FastAGI peer {} sent nothing for {} while its flow waited for a reply (agi.readTimeout); closing"
                    + " its session", who(), config.readTimeout());
            close();
            throw e;
        }
    }

    private String who() {
        return remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }

    @Override
    public void write(String s) throws IOException {
        if (!refused) {
            out.write(s);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!refused) {
            out.flush();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        onClose.accept(this);
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing the FastAGI connection of {} failed", who(), e);
        }
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !closed.get();
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
        return remote.getAddress();
    }

    @Override
    public int getRemotePort() {
        return remote.getPort();
    }
}
