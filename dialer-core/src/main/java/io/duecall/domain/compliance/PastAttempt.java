package io.duecall.domain.compliance;

import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import java.time.Instant;
import java.util.Objects;

/** The part of one earlier attempt that the contact rules look at; {@code at} is when it was originated. */
public record PastAttempt(Instant at, E164 number, CallOutcome outcome, Disposition disposition, boolean abandoned) {
    public PastAttempt {
        Objects.requireNonNull(at, "attempt.at");
        Objects.requireNonNull(number, "attempt.number");
        Objects.requireNonNull(outcome, "attempt.outcome");
        Objects.requireNonNull(disposition, "attempt.disposition");
    }

    public static PastAttempt of(Attempt attempt) {
        return new PastAttempt(attempt.originatedAt(), attempt.number(), attempt.outcome(), attempt.disposition(),
                attempt.abandoned());
    }

    /** A call that rang out, was busy or never got through. */
    public static PastAttempt unanswered(Instant at, E164 number, CallOutcome outcome) {
        if (outcome.connected()) {
            throw new IllegalArgumentException("outcome: " + outcome + " (expected one that did not connect)");
        }
        return new PastAttempt(at, number, outcome, Disposition.NOT_CONNECTED, false);
    }
}
