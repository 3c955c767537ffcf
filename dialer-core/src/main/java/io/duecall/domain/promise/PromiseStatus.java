package io.duecall.domain.promise;

import io.duecall.domain.account.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A promise with where it stands: its state, how much of it has been paid inside its window, and when either last
 * changed. A new promise is open with nothing paid.
 */
public record PromiseStatus(PromiseToPay promise, PromiseState state, Money paid, Instant changedAt) {
    public PromiseStatus {
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(changedAt, "changedAt");
        if (!paid.currency().equals(promise.amount().currency())) {
            throw new IllegalArgumentException("paid: " + paid + " (expected an amount in "
                    + promise.amount().currency() + ", the promise's currency)");
        }
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
