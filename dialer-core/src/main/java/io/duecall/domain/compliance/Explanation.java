package io.duecall.domain.compliance;

import io.duecall.domain.dial.DialDecision;
import java.util.List;
import java.util.Objects;

/** Why a number was or was not dialed: the decision, and what each rule said about it. */
public record Explanation(DialDecision decision, List<RuleVerdict> verdicts) {
    public Explanation {
        Objects.requireNonNull(decision, "decision");
        verdicts = List.copyOf(verdicts);
    }

    public List<RuleVerdict> blocking() {
        return verdicts.stream().filter(v -> !v.permitsNow()).toList();
    }

    /** One line for the decision, then one line per rule. */
    public String describe() {
        var sb = new StringBuilder(decision.toString());
        verdicts.forEach(v -> sb.append('\n').append("  ").append(v));
        return sb.toString();
    }
}
