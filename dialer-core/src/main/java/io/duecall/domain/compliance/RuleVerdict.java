package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import java.time.Instant;

/**
 * What one rule says about a number: whether it permits a dial now, and the first instant it permits one on its own
 * (null when it never will). {@code reason} is null when the rule permits now.
 */
public record RuleVerdict(String rule, boolean permitsNow, SkipReason reason, Instant nextPermitted, String detail) {

    @Override
    public String toString() {
        if (permitsNow) {
            return rule + ": permits" + (detail == null || detail.equals("permits") ? "" : " (" + detail + ")");
        }
        return rule + ": " + reason + ", " + detail + (nextPermitted == null ? ", never" : ", permits from " + nextPermitted);
    }
}
