package io.duecall.domain.promise;

import io.duecall.domain.account.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A promise with where it stands: its state, how much of it has been paid inside its window, when either last
 * changed, and why, when a person changed it ({@code note}: the reason a promise was cancelled; null for the
 * changes payments and the daily sweep make). A new promise is open with nothing paid.
 */
public record PromiseStatus(PromiseToPay promise, PromiseState state, Money paid, Instant changedAt, String note) {
    /** The longest reason an operator may give. */
    public static final int MAX_NOTE = 200;

    public PromiseStatus {
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(changedAt, "changedAt");
        if (!paid.currency().equals(promise.amount().currency())) {
            throw new IllegalArgumentException("paid: " + paid + " (expected an amount in "
                    + promise.amount().currency() + ", the promise's currency)");
        }
        if (note != null) {
            checkNote(note);
        }
    }

    public PromiseStatus(PromiseToPay promise, PromiseState state, Money paid, Instant changedAt) {
        this(promise, state, paid, changedAt, null);
    }

    /**
     * This promise cancelled at {@code at} for {@code reason}: what was paid stays recorded, and the promise is no
     * longer settled by payments or the sweep, nor followed up when its date passes. Only an open or partly kept
     * promise can be cancelled ({@link IllegalPromiseTransitionException} otherwise).
     */
    public PromiseStatus cancelled(String reason, Instant at) {
        var why = checkNote(reason == null ? "" : reason.strip());
        return new PromiseStatus(promise, state.moveTo(PromiseState.CANCELLED), paid, at, why);
    }

    private static String checkNote(String note) {
        if (note.isBlank() || note.length() > MAX_NOTE || note.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("reason: '" + note + "' (expected 1 to " + MAX_NOTE
                    + " characters of text on one line)");
        }
        return note;
    }

    public static PromiseStatus open(PromiseToPay promise) {
        return new PromiseStatus(promise, PromiseState.OPEN, new Money(0, promise.amount().currency()),
                promise.promisedAt());
    }

    public String callId() {
        return promise.callId();
    }

    /**
     * The status after {@code settlement}: this one if nothing changed, the new paid amount if only that changed,
     * otherwise the new state, which must be a legal transition ({@link IllegalPromiseTransitionException}). What was
     * paid never goes down: a settlement that counts less than is recorded (the deadline moved because the debtor's
     * zone changed) keeps the recorded amount, and a partly kept promise stays partly kept rather than open again.
     */
    public PromiseStatus after(PromiseSettlement.Settlement settlement, Instant at) {
        var target = state == PromiseState.PARTLY_KEPT && settlement.state() == PromiseState.OPEN
                ? PromiseState.PARTLY_KEPT : settlement.state();
        var counted = settlement.paid().minor() < paid.minor() ? paid : settlement.paid();
        if (target == state && counted.equals(paid)) {
            return this;
        }
        var next = target == state ? state : state.moveTo(target);
        return new PromiseStatus(promise, next, counted, at);
    }
}
