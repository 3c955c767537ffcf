package io.duecall.domain.promise;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a promise to pay stands. An open promise is kept, partly kept, broken or cancelled; a partly kept one is
 * still running and ends kept, broken or cancelled. Kept, broken and cancelled are final. Only an operator cancels a
 * promise (an arrangement replaced, a dispute), and only while it is still running.
 */
public enum PromiseState {
    OPEN,
    PARTLY_KEPT,
    KEPT,
    BROKEN,
    CANCELLED;

    private static final Map<PromiseState, Set<PromiseState>> LEGAL = Map.of(
            OPEN, EnumSet.of(PARTLY_KEPT, KEPT, BROKEN, CANCELLED),
            PARTLY_KEPT, EnumSet.of(KEPT, BROKEN, CANCELLED),
            KEPT, EnumSet.noneOf(PromiseState.class),
            BROKEN, EnumSet.noneOf(PromiseState.class),
            CANCELLED, EnumSet.noneOf(PromiseState.class));

    public boolean canMoveTo(PromiseState next) {
        return LEGAL.get(this).contains(next);
    }

    /** Returns {@code next}, or throws {@link IllegalPromiseTransitionException} if there is no such transition. */
    public PromiseState moveTo(PromiseState next) {
        if (!canMoveTo(next)) {
            throw new IllegalPromiseTransitionException(this, next);
        }
        return next;
    }

    /** True once the promise can change no more: kept, broken or cancelled. */
    public boolean isFinal() {
        return LEGAL.get(this).isEmpty();
    }
}
