package io.duecall.sim.habits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.PhoneType;
import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.ContactSlot.DayKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HabitsTest {
    private static Habits read(String yaml) throws Exception {
        return Habits.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "habits.yaml");
    }

    @Test
    void hoursListedTakeTheirChanceAndTheRestTakeOtherwise() throws Exception {
        var habits = read("""
                otherwise: 0.05
                phoneTypes: { WORK: 0.5 }
                profiles:
                  night-owl: { weight: 1, weekday: { "19-21": 0.8 }, sunday: { "09-12": 0.3 } }
                """);
        var owl = habits.profiles().getFirst();

        assertEquals(0.8, habits.answer(owl, PhoneType.MOBILE, new ContactSlot(DayKind.WEEKDAY, 20)), 1e-12);
        assertEquals(0.4, habits.answer(owl, PhoneType.WORK, new ContactSlot(DayKind.WEEKDAY, 19)), 1e-12);
        assertEquals(0.05, habits.answer(owl, PhoneType.MOBILE, new ContactSlot(DayKind.WEEKDAY, 21)), 1e-12);
        assertEquals(0.3, habits.answer(owl, PhoneType.MOBILE, new ContactSlot(DayKind.SUNDAY, 11)), 1e-12);
        assertEquals(0.05, habits.answer(owl, PhoneType.MOBILE, new ContactSlot(DayKind.SATURDAY, 11)), 1e-12);
    }

    @Test
    void eachAccountIsOneKindOfPersonDrawnByWeightTheSameInEveryRun() {
        var habits = Habits.defaults();
        var counts = new HashMap<String, Integer>();
        for (int i = 0; i < 20_000; i++) {
            var id = "A-" + i;
            var kind = habits.profileOf(id, 7);
            assertEquals(kind, habits.profileOf(id, 7));
            counts.merge(kind.name(), 1, Integer::sum);
        }
        double total = habits.profiles().stream().mapToDouble(HabitProfile::weight).sum();
        for (var p : habits.profiles()) {
            double share = counts.getOrDefault(p.name(), 0) / 20_000.0;
            assertEquals(p.weight() / total, share, 0.015, p.name() + " in " + counts);
        }
    }

    @Test
    void theShippedPopulationAnswersAtDifferentHours() {
        var habits = Habits.defaults();
        Map<String, Integer> bestHour = new HashMap<>();
        for (var p : habits.profiles()) {
            int best = 9;
            for (int h = 9; h < 21; h++) {
                if (p.answer(new ContactSlot(DayKind.WEEKDAY, h)) > p.answer(new ContactSlot(DayKind.WEEKDAY, best))) {
                    best = h;
                }
            }
            bestHour.put(p.name(), best);
        }
        assertTrue(bestHour.values().stream().distinct().count() >= 3, "weekday best hours " + bestHour);
    }

    @Test
    void aBadFileIsRefusedNamingTheKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> read("""
                profiles:
                  retiree: { weight: 1, weekday: { "12-09": 0.5 } }
                """));
        assertEquals("habits.yaml: profiles.retiree.weekday: '12-09' (expected a start hour before the end, within 0-24)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read("""
                profiles:
                  retiree: { weight: 1, weekday: { "09-12": 1.5 } }
                """));
        assertEquals("habits.yaml: profiles.retiree.weekday.09-12: 1.5 (expected a probability from 0 to 1)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read("profiles: {}\n"));
        assertEquals("profiles: none (expected at least one)", e.getMessage());
    }
}
