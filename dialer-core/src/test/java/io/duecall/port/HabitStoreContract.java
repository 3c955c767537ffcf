package io.duecall.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.ContactSlot.DayKind;
import io.duecall.domain.besttime.SlotCounts;
import io.duecall.domain.besttime.SlotTally;
import io.duecall.domain.campaign.CampaignId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link HabitStore} must have; subclasses only supply a fresh, empty store. */
public abstract class HabitStoreContract {
    private static final CampaignId REMINDERS = new CampaignId("reminders");
    private static final CampaignId DESK = new CampaignId("desk");
    private static final ContactSlot WEEKDAY_10 = new ContactSlot(DayKind.WEEKDAY, 10);
    private static final ContactSlot SUNDAY_19 = new ContactSlot(DayKind.SUNDAY, 19);

    protected HabitStore store;

    protected abstract HabitStore newStore();

    /** A second view of the same storage, as another dialer process would see it. */
    protected abstract HabitStore sameStorage();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void nothingIsKnownAtFirst() {
        assertEquals(SlotTally.empty(), store.campaign(REMINDERS));
        assertEquals(SlotTally.empty(), store.segment(REMINDERS, "MOBILE/EARLY"));
    }

    @Test
    void countsEachCallInItsCampaignAndSegment() {
        store.record(REMINDERS, "MOBILE/EARLY", WEEKDAY_10, true, true);
        store.record(REMINDERS, "MOBILE/EARLY", WEEKDAY_10, true, false);
        store.record(REMINDERS, "HOME/LATE", WEEKDAY_10, false, false);
        store.record(REMINDERS, "HOME/LATE", SUNDAY_19, true, true);
        store.record(DESK, "MOBILE/EARLY", WEEKDAY_10, false, false);

        var other = sameStorage();
        assertEquals(SlotTally.of(Map.of(WEEKDAY_10, new SlotCounts(3, 2, 1), SUNDAY_19, new SlotCounts(1, 1, 1))),
                other.campaign(REMINDERS));
        assertEquals(SlotTally.of(Map.of(WEEKDAY_10, new SlotCounts(2, 2, 1))), other.segment(REMINDERS, "MOBILE/EARLY"));
        assertEquals(SlotTally.of(Map.of(WEEKDAY_10, new SlotCounts(1, 0, 0), SUNDAY_19, new SlotCounts(1, 1, 1))),
                other.segment(REMINDERS, "HOME/LATE"));
        assertEquals(SlotTally.of(Map.of(WEEKDAY_10, new SlotCounts(1, 0, 0))), other.campaign(DESK));
        assertEquals(new HabitStore.Pooled(other.campaign(REMINDERS), other.segment(REMINDERS, "HOME/LATE")),
                other.read(REMINDERS, "HOME/LATE"));
    }
}
