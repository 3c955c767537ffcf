package io.duecall.domain.besttime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.besttime.ContactSlot.DayKind;
import io.duecall.domain.besttime.PropensityModel.Level;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropensityModelTest {
    private static final ColdStartPrior PRIOR = ColdStartPrior.defaults();
    private static final ContactSlot WEEKDAY_8 = new ContactSlot(DayKind.WEEKDAY, 8);
    private static final ContactSlot WEEKDAY_10 = new ContactSlot(DayKind.WEEKDAY, 10);
    private static final ContactSlot WEEKDAY_11 = new ContactSlot(DayKind.WEEKDAY, 11);

    @Test
    void thePriorIsLiftedInProportionToThePeakCoveringTheHour() {
        assertEquals(0.20, PRIOR.at(WEEKDAY_8)[1], 1e-12);
        assertEquals(0.26, PRIOR.at(WEEKDAY_10)[1], 1e-12, "10:00-11:00 lies wholly in the 10:00-11:30 peak");
        assertEquals(0.23, PRIOR.at(WEEKDAY_11)[1], 1e-12, "half of 11:00-12:00 is peak: 0.20 x (1 + 0.3 x 0.5)");
        assertEquals(0.30, PRIOR.at(WEEKDAY_8)[0], 1e-12);
    }

    @Test
    void eachLevelIsABetaBinomialStepFromTheLevelAbove() {
        var campaign = SlotTally.of(Map.of(WEEKDAY_8, new SlotCounts(10, 6, 4)));
        var account = SlotTally.empty().plus(WEEKDAY_8, true, true).plus(WEEKDAY_8, true, true);
        var model = new PropensityModel(PRIOR);

        var p = model.at(WEEKDAY_8, List.of(new Level("campaign", campaign, 10), new Level("account", account, 4)));

        // campaign: (4 + 10 x 0.20) / (10 + 10) = 0.30; account: (2 + 4 x 0.30) / (2 + 4) = 3.2 / 6
        assertEquals(0.30, p.evidence().get(0).reach(), 1e-12);
        assertEquals(3.2 / 6, p.reach(), 1e-12);
        // answers: campaign (6 + 10 x 0.30) / 20 = 0.45; account (2 + 4 x 0.45) / 6 = 3.8 / 6
        assertEquals(3.8 / 6, p.answer(), 1e-12);
        assertEquals(new SlotCounts(2, 2, 2), p.evidence().get(1).counts());
    }

    @Test
    void aLevelWithNoDialsInTheSlotKeepsItsParentsEstimate() {
        var campaign = SlotTally.of(Map.of(WEEKDAY_10, new SlotCounts(5, 5, 5)));
        var model = new PropensityModel(PRIOR);
        var withAccount = model.at(WEEKDAY_10, List.of(new Level("campaign", campaign, 5),
                new Level("account", SlotTally.empty().plus(WEEKDAY_8, false, false), 4)));
        var campaignOnly = model.at(WEEKDAY_10, List.of(new Level("campaign", campaign, 5)));

        assertEquals(campaignOnly.reach(), withAccount.reach(), 1e-12);
        assertEquals((5 + 5 * 0.26) / 10, campaignOnly.reach(), 1e-12);
    }

    @Test
    void evidenceOutweighsThePriorAsDialsAccumulate() {
        var model = new PropensityModel(PRIOR);
        var tally = SlotTally.empty();
        double previous = model.at(WEEKDAY_8, List.of(new Level("account", tally, 4))).reach();
        for (int i = 0; i < 40; i++) {
            tally = tally.plus(WEEKDAY_8, true, true);
            double now = model.at(WEEKDAY_8, List.of(new Level("account", tally, 4))).reach();
            assertTrue(now > previous, "each right-party contact raises the estimate");
            previous = now;
        }
        assertTrue(previous > 0.9, "40 of 40 reached outweighs a prior worth 4 dials: " + previous);
    }

    @Test
    void aBandedLevelCountsEveryHourOfItsBandForEachHourInIt() {
        var account = SlotTally.empty().plus(new ContactSlot(DayKind.WEEKDAY, 18), true, true)
                .plus(new ContactSlot(DayKind.WEEKDAY, 20), true, false)
                .plus(new ContactSlot(DayKind.SATURDAY, 19), false, false);
        var model = new PropensityModel(PRIOR);

        var at19 = model.at(new ContactSlot(DayKind.WEEKDAY, 19), List.of(new Level("account", account, 2, 3)));
        var at17 = model.at(new ContactSlot(DayKind.WEEKDAY, 17), List.of(new Level("account", account, 2, 3)));

        assertEquals(new SlotCounts(2, 2, 1), at19.evidence().getFirst().counts(), "18:00 and 20:00, not Saturday");
        // (1 + 2 x 0.26) / (2 + 2): 19:00-20:00 lies wholly in the 19:00-21:00 peak
        assertEquals(1.52 / 4, at19.reach(), 1e-12);
        assertEquals(SlotCounts.NONE, at17.evidence().getFirst().counts(), "17:00 is in the 15:00-18:00 band");
        assertThrows(IllegalArgumentException.class, () -> new Level("account", account, 2, 5));
    }

    @Test
    void slotsAreTheDebtorsLocalHourAndKindOfDay() {
        assertEquals(new ContactSlot(DayKind.SATURDAY, 19), ContactSlot.of(LocalDateTime.parse("2026-12-05T19:59")));
        assertEquals(new ContactSlot(DayKind.WEEKDAY, 9), ContactSlot.of(LocalDateTime.parse("2026-12-07T09:00")));
        for (int i = 0; i < ContactSlot.COUNT; i++) {
            assertEquals(i, ContactSlot.ofIndex(i).index());
        }
        assertEquals("sunday 23:00-00:00", new ContactSlot(DayKind.SUNDAY, 23).toString());
    }

    @Test
    void countsThatCannotHappenAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SlotCounts(1, 1, 2));
        assertEquals("slot counts: 1/1/2 (expected 0 <= reached <= answered <= dials)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SlotCounts.NONE.plus(false, true));
        assertThrows(IllegalArgumentException.class, () -> new Level("account", SlotTally.empty(), 0));
    }
}
