package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.domain.account.E164;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListDoNotCallTest {
    private static final E164 FIRST = new E164("+12125550100");
    private static final E164 SECOND = new E164("+12125550101");
    private final InMemorySuppressionStore store = new InMemorySuppressionStore();
    private final ListDoNotCall list = new ListDoNotCall(store,
            Clock.fixed(Instant.parse("2026-03-03T17:00:00Z"), ZoneOffset.UTC));

    @Test
    void listsEveryNumberAndCountsThoseListedBefore() {
        store.doNotCall(FIRST, Instant.parse("2026-03-01T00:00:00Z"), "dnc", "file:old.csv");

        var result = list.list(List.of(FIRST, SECOND), "dnc", "upload:dnc.csv");

        assertEquals(new ListDoNotCall.Result(1, 1), result);
        assertEquals(Set.of(FIRST, SECOND), store.onDoNotCallList(List.of(FIRST, SECOND)));
    }

    @Test
    void badReasonListsNothing() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> list.list(List.of(FIRST, SECOND), "Do Not Call", "upload:dnc.csv"));

        assertTrue(refused.getMessage().startsWith("reason: 'Do Not Call'"), refused.getMessage());
        assertEquals(Set.of(), store.onDoNotCallList(List.of(FIRST, SECOND)));
    }

    @Test
    void tellsItsProgressOfEachNumberOfTheList() {
        var told = new java.util.ArrayList<String>();

        list.list(List.of(FIRST, SECOND), "dnc", "upload:dnc.csv", (done, total) -> told.add(done + "/" + total));

        assertEquals(List.of("1/2", "2/2"), told);
    }
}
