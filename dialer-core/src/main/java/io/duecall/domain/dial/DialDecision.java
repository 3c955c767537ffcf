package io.duecall.domain.dial;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/** The answer to "may this number be dialed now, and if not, when next?". */
public sealed interface DialDecision permits DialDecision.Dial, DialDecision.Skip {

    /** Dial now; {@code debtorTime} is the debtor's local time used for the decision. */
    record Dial(ZonedDateTime debtorTime) implements DialDecision {
        public Dial {
            Objects.requireNonNull(debtorTime, "debtorTime");
        }

        public ZoneId zone() {
            return debtorTime.getZone();
        }
    }

    /** Do not dial; {@code nextEligible} is null when the account can never be dialed as things stand. */
    record Skip(SkipReason reason, Instant nextEligible, String detail) implements DialDecision {
        public Skip {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
