package io.duecall.domain.besttime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.besttime.ContactSlot.DayKind;
import io.duecall.domain.besttime.PropensityModel.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BestTimeTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Monday 7 December 2026, 09:00 in New York. */
    private static final Instant MONDAY_0900 = Instant.parse("2026-12-07T14:00:00Z");
    private static final PropensityModel MODEL = new PropensityModel(ColdStartPrior.defaults());

    /** An evening answerer: 6 of 6 reached at 18:00 on weekdays, 0 of 6 at 09:00. */
    private static final SlotTally EVENINGS = SlotTally.of(Map.of(
            new ContactSlot(DayKind.WEEKDAY, 18), new SlotCounts(6, 6, 6),
            new ContactSlot(DayKind.WEEKDAY, 9), new SlotCounts(6, 0, 0)));

    @Test
    void holdsAnAccountBackForItsBestPermittedSlot() {
        var choice = BestTime.defaults().choose(MONDAY_0900, NEW_YORK, t -> true, estimate(EVENINGS));

        assertEquals(Instant.parse("2026-12-07T23:00:00Z"), choice.at(), "18:00 the same day in New York");
        assertTrue(choice.heldBack());
        assertTrue(choice.chosen().reach() > 0.6, choice.toString());
        assertTrue(choice.first().reach() < 0.15, choice.toString());
    }

    @Test
    void neverChoosesASlotTheRulesForbid() {
        var forbidden = Instant.parse("2026-12-07T23:00:00Z");
        var choice = BestTime.defaults().choose(MONDAY_0900, NEW_YORK, t -> !t.equals(forbidden), estimate(EVENINGS));

        assertFalse(choice.at().equals(forbidden));
        assertEquals(new ContactSlot(DayKind.WEEKDAY, 10), choice.chosen().slot(),
                "the next best: 10:00, lifted by the peak prior, beats the evidence-bound 09:00");
    }

    @Test
    void holdsNoLongerThanMaxHold() {
        var shortHold = new BestTime(Duration.ofHours(3), 1.10);
        var choice = shortHold.choose(MONDAY_0900, NEW_YORK, t -> true, estimate(EVENINGS));

        assertFalse(choice.at().isAfter(MONDAY_0900.plus(Duration.ofHours(3))), choice.toString());
        assertEquals(new ContactSlot(DayKind.WEEKDAY, 10), choice.chosen().slot());
    }

    @Test
    void aSlotBarelyBetterThanTheFirstIsNotWorthTheWait() {
        var flat = SlotTally.empty();
        var demanding = new BestTime(Duration.ofHours(24), 1.5);
        var choice = demanding.choose(MONDAY_0900, NEW_YORK, t -> true, estimate(flat));

        assertEquals(MONDAY_0900, choice.at(), "the peak prior's 1.3x lift is below the 1.5x asked for");
        assertFalse(choice.heldBack());
    }

    private static java.util.function.Function<java.time.LocalDateTime, Propensity> estimate(SlotTally account) {
        return BestTime.bySlot(slot -> MODEL.at(slot, List.of(new Level("account", account, 4))));
    }
}
