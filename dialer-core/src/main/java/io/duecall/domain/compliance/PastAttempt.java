package io.duecall.domain.compliance;

import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import java.time.Instant;
import java.util.Objects;

/**
 * The part of one earlier attempt that the contact rules look at; {@code at} is when it was originated,
 * {@code rightParty} whether the debtor confirmed who they are, {@code disclosed} the most said about the debt.
 */
public record PastAttempt(Instant at, E164 number, CallOutcome outcome, Disposition disposition, boolean abandoned,
        boolean rightParty, Disclosure disclosed) {
    public PastAttempt {
        Objects.requireNonNull(at, "attempt.at");
        Objects.requireNonNull(number, "attempt.number");
        Objects.requireNonNull(outcome, "attempt.outcome");
        Objects.requireNonNull(disposition, "attempt.disposition");
        Objects.requireNonNull(disclosed, "attempt.disclosed");
    }

    /** An attempt whose verification and disclosure are read from its disposition. */
    public PastAttempt(Instant at, E164 number, CallOutcome outcome, Disposition disposition, boolean abandoned) {
        this(at, number, outcome, disposition, abandoned, disposition.impliesRightParty(),
                disposition.impliedDisclosure());
    }

    public static PastAttempt of(Attempt attempt) {
        return new PastAttempt(attempt.originatedAt(), attempt.number(), attempt.outcome(), attempt.disposition(),
                attempt.abandoned(), attempt.rightParty(), attempt.disclosed());
    }

    /** A call that rang out, was busy or never got through: nobody picked up. */
    public static PastAttempt unanswered(Instant at, E164 number, CallOutcome outcome) {
        if (outcome.answered()) {
            throw new IllegalArgumentException("outcome: " + outcome + " (expected one nobody picked up)");
        }
        return new PastAttempt(at, number, outcome, Disposition.NOT_CONNECTED, false);
    }
}
