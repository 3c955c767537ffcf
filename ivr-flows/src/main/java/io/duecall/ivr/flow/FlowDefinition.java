package io.duecall.ivr.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow as data: its name, its version (recorded in the ledger for every call it serves), the first step, and
 * every step by id, the languages it has prompt sets for ({@code duecall/<language>/...}), and its audience:
 * {@code debtor} (the default) or {@code third-party}, a location-only script that may say nothing about the debt.
 * Instances are made by {@link FlowLoader}, which refuses any flow {@link FlowValidator} rejects.
 */
public record FlowDefinition(String id, String version, String start, Map<String, FlowStep> steps,
        List<String> languages, String audience) {
    public static final String DEBTOR = "debtor";
    public static final String THIRD_PARTY = "third-party";

    public FlowDefinition {
        steps = steps == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        languages = languages == null ? List.of() : List.copyOf(languages);
        audience = audience == null ? DEBTOR : audience;
    }

    public FlowDefinition(String id, String version, String start, Map<String, FlowStep> steps, List<String> languages) {
        this(id, version, start, steps, languages, DEBTOR);
    }

    public FlowDefinition(String id, String version, String start, Map<String, FlowStep> steps) {
        this(id, version, start, steps, List.of(), DEBTOR);
    }

    /** True for a location-only script, the only kind a third-party contact's call may run. */
    public boolean forThirdParties() {
        return THIRD_PARTY.equals(audience);
    }

    /** Whether any step asks for a second factor; then an account that has one must pass it before disclosure. */
    boolean asksSecondFactor() {
        return steps.values().stream().anyMatch(s -> FlowAction.SECOND_FACTOR.yamlName().equals(s.action()));
    }

    /** What the ledger records, such as {@code reminder:3}. */
    public String ledgerVersion() {
        return id + ":" + version;
    }

    FlowStep step(String stepId) {
        var step = steps.get(stepId);
        if (step == null) {
            throw new IllegalStateException("flow " + ledgerVersion() + ": no step '" + stepId + "'");
        }
        return step;
    }
}
