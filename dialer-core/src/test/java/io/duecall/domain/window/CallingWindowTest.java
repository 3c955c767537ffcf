package io.duecall.domain.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallingWindowTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private final CallingWindow window = CallingWindow.defaults();

    @Test
    void dialsDebtorInsideLocalWindow() {
        var now = Instant.parse("2026-03-02T15:00:00Z"); // 10:00 in New York

        var decision = window.decide(Set.of(NEW_YORK), now);

        assertInstanceOf(DialDecision.Dial.class, decision);
    }

    @Test
    void skipsDebtorBeforeLocalOpeningUntilNineLocal() {
        var now = Instant.parse("2026-03-02T12:00:00Z"); // 07:00 in New York

        var decision = window.decide(Set.of(NEW_YORK), now);

        var skip = assertInstanceOf(DialDecision.Skip.class, decision);
        assertEquals(SkipReason.OUTSIDE_WINDOW, skip.reason());
        assertEquals(Instant.parse("2026-03-02T14:00:00Z"), skip.nextEligible());
    }

    @Test
    void skipsAfterLastOriginateUntilNextMorning() {
        var now = Instant.parse("2026-03-03T01:55:00Z"); // 20:55 in New York, after the 20:50 last originate

        var decision = window.decide(Set.of(NEW_YORK), now);

        var skip = assertInstanceOf(DialDecision.Skip.class, decision);
        assertEquals(Instant.parse("2026-03-03T14:00:00Z"), skip.nextEligible());
    }

    @Test
    void splitZoneNumberWaitsUntilEveryZoneIsOpen() {
        var now = Instant.parse("2026-03-02T15:30:00Z"); // 10:30 New York, 07:30 Los Angeles

        var decision = window.decide(Set.of(NEW_YORK, LOS_ANGELES), now);

        var skip = assertInstanceOf(DialDecision.Skip.class, decision);
        assertEquals(Instant.parse("2026-03-02T17:00:00Z"), skip.nextEligible()); // 09:00 in Los Angeles
    }

    @Test
    void unknownZoneIsNeverDialed() {
        var decision = window.decide(Set.of(), Instant.parse("2026-03-02T15:00:00Z"));

        var skip = assertInstanceOf(DialDecision.Skip.class, decision);
        assertEquals(SkipReason.NO_ZONE, skip.reason());
    }

    @Test
    void springForwardMorningOpensAtNineLocalTime() {
        var now = Instant.parse("2026-03-08T06:00:00Z"); // 01:00 EST, the night clocks go forward in New York

        var skip = assertInstanceOf(DialDecision.Skip.class, window.decide(Set.of(NEW_YORK), now));

        assertEquals(LocalTime.of(9, 0), skip.nextEligible().atZone(NEW_YORK).toLocalTime());
        assertEquals(Instant.parse("2026-03-08T13:00:00Z"), skip.nextEligible()); // 09:00 EDT is 13:00 UTC
    }

    @Test
    void fallBackEveningClosesAtLocalTimeNotServerTime() {
        var now = Instant.parse("2026-11-02T01:55:00Z"); // 20:55 EST on the first day after clocks went back

        var decision = window.decide(Set.of(NEW_YORK), now);

        assertInstanceOf(DialDecision.Skip.class, decision);
    }

    @Test
    void halfHourZoneUsesItsOwnOffset() {
        var kolkata = ZoneId.of("Asia/Kolkata");
        var now = Instant.parse("2026-03-02T03:15:00Z"); // 08:45 in Kolkata

        var skip = assertInstanceOf(DialDecision.Skip.class, window.decide(Set.of(kolkata), now));

        assertEquals(Instant.parse("2026-03-02T03:30:00Z"), skip.nextEligible());
    }

    @Test
    void refusesWindowOpeningBeforeEight() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new CallingWindow(LocalTime.of(7, 30), LocalTime.of(20, 0), Duration.ZERO));

        assertTrue(error.getMessage().startsWith("window.opens: 07:30"), error.getMessage());
    }

    @Test
    void refusesWindowClosingAfterNine() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new CallingWindow(LocalTime.of(9, 0), LocalTime.of(21, 30), Duration.ZERO));

        assertTrue(error.getMessage().startsWith("window.closes: 21:30"), error.getMessage());
    }
}
