package io.duecall.sim.year;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Simulated weeks through the real engine, audited from the ledger: the proof the year simulation gives, smaller. */
class YearSimulationTest {

    @Test
    void threeWeeksAcrossSpringForwardAndAHolidayBreakNoRule() {
        // 8 March 2026: clocks go forward in North America; 9 March is a configured holiday.
        var options = new YearSimulation.Options(LocalDate.of(2026, 3, 1), 21, 800, 30, 25, 0.45, 0.4,
                Duration.ofMinutes(1), Set.of(LocalDate.of(2026, 3, 9)), 7);

        var report = YearSimulation.run(options);

        report.violations().forEach((rule, found) -> assertEquals(List.of(), found, rule.name()));
        assertTrue(report.attempts() > 3_000, "attempts: " + report.attempts());
        assertTrue(report.promises() > 0);
        assertEquals(0, report.callsInFlight());
        assertTrue(report.peakCallsUp() <= options.channels());
        assertTrue(report.heldAtClaim().getOrDefault(io.duecall.domain.dial.SkipReason.HOLIDAY, 0L) > 0,
                "the holiday held some accounts back");
        assertTrue(report.locationCalls() > 0, "location calls: " + report.locationCalls());
        assertEquals(report.locationCalls(), report.contactsCalled(), "each contact is called at most once");
        assertEquals(List.of(), report.violations().get(io.duecall.app.ComplianceAudit.Rule.CALLS_PER_CONTACT));
    }

    @Test
    void autumnWeeksAcrossEveryFallBackBreakNoRule() {
        // Late October to mid November 2026: Europe, North America and Lord Howe change their clocks.
        var options = new YearSimulation.Options(LocalDate.of(2026, 10, 20), 21, 800, 30, 25, 0.45, 0.4,
                Duration.ofMinutes(1), Set.of(LocalDate.of(2026, 11, 11)), 11);

        var report = YearSimulation.run(options);

        assertEquals(0, report.violationCount(), () -> report.violations().toString());
    }
}
