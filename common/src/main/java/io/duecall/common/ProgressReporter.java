package io.duecall.common;

import java.io.Console;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows how far a long job has come. On a terminal, one line redrawn in place at most ten times a second: the count,
 * the share of the total, the rate per second and the time left. Otherwise (a CI log, a file), a plain line every
 * {@link #PLAIN_EVERY}, and one at the end if any was printed, so a short job prints nothing extra.
 */
public final class ProgressReporter implements AutoCloseable {
    static final Duration REDRAW_EVERY = Duration.ofMillis(100);
    static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final String what;
    private long total;
    private final boolean terminal;
    private final Clock clock;
    private final long startMillis;
    private long lastShownMillis;
    private long done;
    private int width;
    private boolean shown;

    /**
     * {@code what} names the job ("import accounts.csv"); {@code total} is how many items it has, or 0 when unknown
     * (no share, no time left).
     */
    public ProgressReporter(PrintStream out, String what, long total, boolean terminal, Clock clock) {
        this.out = out;
        this.what = what;
        this.total = Math.max(0, total);
        this.terminal = terminal;
        this.clock = clock;
        this.startMillis = clock.millis();
        this.lastShownMillis = startMillis;
    }

    /** A reporter on {@code out} that draws the bar when {@code out} is standard output and that is a terminal. */
    public static ProgressReporter on(PrintStream out, String what, long total) {
        return new ProgressReporter(out, what, total, out == System.out && isTerminal(), Clock.systemUTC());
    }

    /** Whether standard output is an interactive terminal (JDK 22+ asks the console; before, a console means one). */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** {@code done} items so far; shows them when it is time to. */
    public void update(long done) {
        update(done, 0);
    }

    /** {@code done} items so far of {@code total}, which replaces the total given before unless it is 0. */
    public synchronized void update(long done, long total) {
        this.done = done;
        if (total > 0) {
            this.total = total;
        }
        long now = clock.millis();
        if (now - lastShownMillis >= (terminal ? REDRAW_EVERY : PLAIN_EVERY).toMillis()) {
            show(now);
        }
    }

    private void show(long now) {
        lastShownMillis = now;
        shown = true;
        var line = describe(now);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** "import a.csv: 120,000 of 1,000,000 (12%), 40,000/s, 0:22 left" */
    String describe(long now) {
        double seconds = (now - startMillis) / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        var line = new StringBuilder(what).append(": ").append(String.format(Locale.ROOT, "%,d", done));
        if (total > 0) {
            line.append(String.format(Locale.ROOT, " of %,d (%d%%)", total, Math.min(100, done * 100 / total)));
        }
        line.append(String.format(Locale.ROOT, rate < 10 ? ", %.1f/s" : ", %,.0f/s", rate));
        if (total > 0 && rate > 0 && done < total) {
            long left = (long) Math.ceil((total - done) / rate);
            line.append(String.format(Locale.ROOT, ", %d:%02d left", left / 60, left % 60));
        }
        return line.toString();
    }

    /** Ends the job's display: the terminal's line is drawn a last time and closed; a log gets a last line if it had any. */
    @Override
    public synchronized void close() {
        if (terminal) {
            show(clock.millis());
            out.println();
        } else if (shown) {
            show(clock.millis());
        }
        out.flush();
    }
}
