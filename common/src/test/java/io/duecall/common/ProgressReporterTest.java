package io.duecall.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    /** A clock the test moves. */
    static final class FakeClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final FakeClock clock = new FakeClock();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLogGetsAPlainLineEveryFiveSecondsAndALastOne() {
        try (var progress = new ProgressReporter(out, "import a.csv", 1_000_000, false, clock)) {
            clock.advance(Duration.ofSeconds(4));
            progress.update(160_000);
            assertEquals("", printed(), "nothing before five seconds");
            clock.advance(Duration.ofSeconds(1));
            progress.update(200_000);
            clock.advance(Duration.ofSeconds(1));
            progress.update(240_000);
            clock.advance(Duration.ofSeconds(4));
            progress.update(400_000);
            clock.advance(Duration.ofSeconds(15));
            progress.update(1_000_000);
        }

        assertEquals("""
                import a.csv: 200,000 of 1,000,000 (20%), 40,000/s, 0:20 left
                import a.csv: 400,000 of 1,000,000 (40%), 40,000/s, 0:15 left
                import a.csv: 1,000,000 of 1,000,000 (100%), 40,000/s
                import a.csv: 1,000,000 of 1,000,000 (100%), 40,000/s
                """, printed());
    }

    @Test
    void aShortJobPrintsNothingToALog() {
        try (var progress = new ProgressReporter(out, "suppress dnc.csv", 300, false, clock)) {
            clock.advance(Duration.ofMillis(900));
            progress.update(300);
        }

        assertEquals("", printed());
    }

    @Test
    void aTerminalGetsOneLineRedrawnInPlaceAtMostTenTimesASecond() {
        try (var progress = new ProgressReporter(out, "simulate", 60, true, clock)) {
            clock.advance(Duration.ofMillis(50));
            progress.update(1);
            clock.advance(Duration.ofMillis(950));
            progress.update(10);
            clock.advance(Duration.ofMillis(50));
            progress.update(11);
            clock.advance(Duration.ofMillis(950));
            progress.update(20);
        }

        assertEquals("\rsimulate: 10 of 60 (16%), 10/s, 0:05 left"
                + "\rsimulate: 20 of 60 (33%), 10/s, 0:04 left"
                + "\rsimulate: 20 of 60 (33%), 10/s, 0:04 left\n", printed());
    }

    @Test
    void aShorterRedrawBlanksWhatTheLongerLineLeft() {
        try (var progress = new ProgressReporter(out, "payments", 0, true, clock)) {
            clock.advance(Duration.ofSeconds(1));
            progress.update(12_345);
            clock.advance(Duration.ofSeconds(99));
            progress.update(12_346);
        }

        var lines = printed().split("\r");
        assertEquals("payments: 12,345, 12,345/s", lines[1]);
        assertEquals("payments: 12,346, 123/s" + " ".repeat(3), lines[2]);
    }
}
