package io.duecall.app;

import io.duecall.domain.attempt.Attempt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Calls that ended while the store could not be written: their ledger line (and the return of their account) waits
 * here, in order, until the store answers again. Bounded: while anything waits the engine places no call, so it
 * holds at most the calls that were up when the store went away; past the limit a line is refused (and logged whole).
 */
final class LedgerOutbox {
    /** One ended call: its line, whether the line is already in the ledger, and the call to return the account of. */
    static final class Pending {
        final LiveCall call;
        final Attempt attempt;
        boolean appended;

        Pending(LiveCall call, Attempt attempt, boolean appended) {
            this.call = call;
            this.attempt = attempt;
            this.appended = appended;
        }
    }

    private final int limit;
    private final Deque<Pending> waiting = new ArrayDeque<>();

    LedgerOutbox(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit: " + limit + " (expected > 0)");
        }
        this.limit = limit;
    }

    /** False, keeping nothing, when the outbox is full. */
    synchronized boolean add(Pending pending) {
        if (waiting.size() >= limit) {
            return false;
        }
        waiting.addLast(pending);
        return true;
    }

    synchronized Optional<Pending> head() {
        return Optional.ofNullable(waiting.peekFirst());
    }

    synchronized void removeHead(Pending pending) {
        if (waiting.peekFirst() == pending) {
            waiting.pollFirst();
        }
    }

    synchronized int size() {
        return waiting.size();
    }
}
