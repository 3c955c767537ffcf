package io.duecall.domain.promise;

/** Thrown when a promise is asked to move between two states that have no legal transition. */
public final class IllegalPromiseTransitionException extends IllegalStateException {
    private final PromiseState from;
    private final PromiseState to;

    public IllegalPromiseTransitionException(PromiseState from, PromiseState to) {
        super("promise: no transition from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public PromiseState from() {
        return from;
    }

    public PromiseState to() {
        return to;
    }
}
