package io.duecall.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.E164;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SuppressionStore} must have; subclasses only supply a fresh, empty store. */
public abstract class SuppressionStoreContract {
    private static final E164 MOBILE = new E164("+14155550123");
    private static final E164 HOME = new E164("+14155550199");
    private static final Instant AT = Instant.parse("2026-03-10T15:30:00Z");

    protected SuppressionStore store;

    protected abstract SuppressionStore newStore();

    /** A second view of the same storage, as another dialer process would see it. */
    protected abstract SuppressionStore sameStorage();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void nothingIsOptedOutAtFirst() {
        assertFalse(store.isOptedOut(MOBILE));
        assertEquals(Set.of(), store.optedOut(List.of(MOBILE, HOME)));
    }

    @Test
    void optedOutNumberIsSeenAtOnceByEveryView() {
        store.optOut(MOBILE, AT, "ivr:c-1");

        assertTrue(store.isOptedOut(MOBILE));
        assertTrue(sameStorage().isOptedOut(MOBILE));
        assertFalse(sameStorage().isOptedOut(HOME));
    }

    @Test
    void optedOutPicksOnlyTheOptedOutNumbers() {
        store.optOut(HOME, AT, "ivr:c-1");

        assertEquals(Set.of(HOME), store.optedOut(List.of(MOBILE, HOME)));
        assertEquals(Set.of(), store.optedOut(List.of()));
    }

    @Test
    void optingOutTwiceKeepsTheNumberOptedOut() {
        store.optOut(MOBILE, AT, "ivr:c-1");

        store.optOut(MOBILE, AT.plusSeconds(60), "ivr:c-2");

        assertTrue(store.isOptedOut(MOBILE));
    }

    @Test
    void listedNumberIsSeenByEveryViewAndKeptApartFromOptOuts() {
        var first = store.doNotCall(MOBILE, AT, "dnc", "file:dnc.csv");

        var again = sameStorage().doNotCall(MOBILE, AT.plusSeconds(60), "dnc", "file:dnc.csv");

        assertTrue(first);
        assertFalse(again);
        assertEquals(Set.of(MOBILE), sameStorage().onDoNotCallList(List.of(MOBILE, HOME)));
        assertEquals(Set.of(), store.optedOut(List.of(MOBILE, HOME)));
        assertEquals(Set.of(), store.onDoNotCallList(List.of()));
    }

    @Test
    void doNotCallReasonMustBeAShortWord() {
        var error = assertThrows(IllegalArgumentException.class, () -> store.doNotCall(MOBILE, AT, "Do Not Call!", "x"));

        assertTrue(error.getMessage().contains("reason: 'Do Not Call!'"), error.getMessage());
        assertEquals(Set.of(), store.onDoNotCallList(List.of(MOBILE)));
    }
}
