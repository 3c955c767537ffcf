package io.duecall.domain.promise;

import java.util.Objects;

/**
 * Why one payment of a feed cannot be recorded: its position in the feed (from 0), the field at fault and what was
 * expected. Each front end names the entry and field in its own words ({@code line 3, paid_at} in a file,
 * {@code payments[1].paidAt} in the API).
 */
public record PaymentProblem(int entry, Field field, String message) {
    /** The fields of a payment as the lender sends it. */
    public enum Field { ACCOUNT, AMOUNT, CURRENCY, PAID_AT, REFERENCE }

    public PaymentProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
