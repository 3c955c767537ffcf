package io.duecall.ivr.adapter.agi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the test's log (slf4j-simple, which writes to {@code System.err} as it finds it on each line) receives while
 * open; the lines still reach the console.
 */
final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    LogCapture() {
        var tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (captured) {
                    captured.write(b, off, len);
                }
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    List<String> lines() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Lines of a stack trace: {@code \tat ...} and {@code Caused by: ...}. */
    long stackTraceLines() {
        return lines().stream().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by:")).count();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
