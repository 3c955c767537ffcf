package io.duecall.domain.besttime;

import java.util.List;

/**
 * The model's estimate for one slot: the probability that a call is answered by a person and that it reaches the
 * right party, with the evidence each level of the pool contributed, for {@code explain}.
 */
public record Propensity(ContactSlot slot, double answer, double reach, List<Evidence> evidence) {
    public Propensity {
        evidence = List.copyOf(evidence);
    }

    /** One level's counts in the slot and the estimate once they were weighed in. */
    public record Evidence(String level, SlotCounts counts, double answer, double reach) {
        @Override
        public String toString() {
            return String.format("%s: %s -> reach %.1f%%", level, counts, reach * 100);
        }
    }

    @Override
    public String toString() {
        return String.format("%s: right party %.1f%%, answered %.1f%% (%s)", slot, reach * 100, answer * 100, evidence);
    }
}
