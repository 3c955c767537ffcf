package io.duecall.domain.dial;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/** The answer to "may this number be dialed now, and if not, when next?". */
public sealed interface DialDecision permits DialDecision.Dial, DialDecision.Skip {

    /**
     * Dial now; {@code debtorTime} is the debtor's local time used for the decision, in the first of {@code zones},
     * every zone the decision was judged in.
     */
    record Dial(ZonedDateTime debtorTime, List<ZoneId> zones) implements DialDecision {
        public Dial {
            Objects.requireNonNull(debtorTime, "debtorTime");
            zones = zones == null || zones.isEmpty() ? List.of(debtorTime.getZone()) : List.copyOf(zones);
        }

        public Dial(ZonedDateTime debtorTime) {
            this(debtorTime, List.of());
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
