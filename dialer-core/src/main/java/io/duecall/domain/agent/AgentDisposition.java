package io.duecall.domain.agent;

import io.duecall.domain.account.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What an agent records at the end of a conversation. A promise needs an amount and a date, a callback needs a
 * time; the other outcomes carry nothing more.
 */
public record AgentDisposition(Outcome outcome, Money amount, LocalDate payBy, Instant callbackAt) {

    public enum Outcome {
        PROMISE, REFUSED, WRONG_PARTY, DISPUTE, BANKRUPTCY, DECEASED, CALLBACK, OPT_OUT, FIELD_VISIT;

        /** Outcomes after which the account must not be dialed again by this campaign. */
        public boolean stopsDialing() {
            return this == DISPUTE || this == BANKRUPTCY || this == DECEASED || this == OPT_OUT;
        }
    }

    public AgentDisposition {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome: missing (expected one of " + java.util.List.of(Outcome.values()) + ")");
        }
        if (outcome == Outcome.PROMISE && (amount == null || payBy == null)) {
            throw new IllegalArgumentException("promise: amount " + amount + ", payBy " + payBy + " (expected both)");
        }
        if (outcome != Outcome.PROMISE && (amount != null || payBy != null)) {
            throw new IllegalArgumentException("amount/payBy: given for " + outcome + " (expected only for PROMISE)");
        }
        if ((outcome == Outcome.CALLBACK) != (callbackAt != null)) {
            throw new IllegalArgumentException("callbackAt: " + callbackAt + " (expected a time exactly for CALLBACK)");
        }
    }
}
