package io.duecall.ivr.adapter.agi;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A FastAGI peer's lines, read from its socket in chunks: each line at most {@code maxLineBytes}, each read waiting at
 * most the read timeout, and the AGI environment's lines all before the header deadline however the peer paces them.
 */
final class BoundedLines {
    private static final int CHUNK = 8192;

    private final Socket socket;
    private final InputStream in;
    private final Duration readTimeout;
    private final long headerDeadline;
    private final byte[] chunk = new byte[CHUNK];
    private final byte[] line;
    private int chunkPos;
    private int chunkEnd;
    private long received;

    /** {@code headerDeadline} is a {@link System#nanoTime()} reading. */
    BoundedLines(Socket socket, int maxLineBytes, Duration readTimeout, long headerDeadline) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.readTimeout = readTimeout;
        this.headerDeadline = headerDeadline;
        this.line = new byte[maxLineBytes];
    }

    /** Bytes the peer has sent so far. */
    long received() {
        return received;
    }

    /**
     * One line without its line feed, or null at the end of the stream. A reply cut short by the end of the stream is
     * returned as it is, as asterisk-java's own reader does; an environment line cut short is no line.
     */
    String readLine(boolean environment) throws IOException {
        int length = 0;
        while (true) {
            if (chunkPos == chunkEnd && !fill(environment)) {
                return length == 0 || environment ? null : decode(length);
            }
            while (chunkPos < chunkEnd) {
                byte b = chunk[chunkPos++];
                if (b == '\n') {
                    return decode(length);
                }
                if (length == line.length) {
                    throw new LineTooLongException();
                }
                line[length++] = b;
            }
        }
    }

    /** Reads what the peer has sent, waiting at most what is left of the environment's time or a reply's. */
    private boolean fill(boolean environment) throws IOException {
        long waitMillis = readTimeout.toMillis();
        if (environment) {
            long left = headerDeadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("AGI environment not complete in time");
            }
            waitMillis = Math.min(waitMillis, Math.max(1, (left + 999_999) / 1_000_000));
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, waitMillis));
        int n = in.read(chunk);
        chunkPos = 0;
        chunkEnd = Math.max(n, 0);
        received += chunkEnd;
        return n > 0;
    }

    private String decode(int length) {
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    /** A line longer than {@code agi.maxLineBytes}; read as a lost connection by asterisk-java. */
    static final class LineTooLongException extends IOException {
        LineTooLongException() {
            super("line longer than agi.maxLineBytes");
        }

        /** Expected of a hostile peer and logged in one line; a stack trace would say nothing. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
