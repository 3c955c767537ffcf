package io.duecall.domain.promise;

import static io.duecall.domain.promise.PromiseState.BROKEN;
import static io.duecall.domain.promise.PromiseState.CANCELLED;
import static io.duecall.domain.promise.PromiseState.KEPT;
import static io.duecall.domain.promise.PromiseState.OPEN;
import static io.duecall.domain.promise.PromiseState.PARTLY_KEPT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PromiseStateTest {

    @Test
    void openPromiseCanBeKeptPartlyKeptBrokenOrCancelled() {
        var reachable = EnumSet.noneOf(PromiseState.class);

        for (var next : PromiseState.values()) {
            if (OPEN.canMoveTo(next)) {
                reachable.add(next);
            }
        }

        assertEquals(EnumSet.of(PARTLY_KEPT, KEPT, BROKEN, CANCELLED), reachable);
    }

    @Test
    void partlyKeptPromiseEndsKeptBrokenOrCancelled() {
        var next = Set.of(PARTLY_KEPT.moveTo(KEPT), PARTLY_KEPT.moveTo(BROKEN), PARTLY_KEPT.moveTo(CANCELLED));

        assertEquals(Set.of(KEPT, BROKEN, CANCELLED), next);
        assertFalse(PARTLY_KEPT.canMoveTo(OPEN));
    }

    @ParameterizedTest
    @EnumSource(value = PromiseState.class, names = {"KEPT", "BROKEN", "CANCELLED"})
    void finalStatesGoNowhere(PromiseState state) {
        var error = assertThrows(IllegalPromiseTransitionException.class, () -> state.moveTo(OPEN));

        assertTrue(state.isFinal());
        assertEquals(state, error.from());
        assertEquals(OPEN, error.to());
        assertEquals("promise: no transition from " + state + " to OPEN", error.getMessage());
    }

    @Test
    void illegalTransitionNamesBothStates() {
        var error = assertThrows(IllegalPromiseTransitionException.class, () -> BROKEN.moveTo(KEPT));

        assertEquals("promise: no transition from BROKEN to KEPT", error.getMessage());
        assertFalse(OPEN.isFinal());
        assertFalse(PARTLY_KEPT.isFinal());
    }
}
