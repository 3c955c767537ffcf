package io.duecall.ivr.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flow as data: its name, its version (recorded in the ledger for every call it serves), the first step, and
 * every step by id. Instances are made by {@link FlowLoader}, which refuses any flow {@link FlowValidator} rejects.
 */
public record FlowDefinition(String id, String version, String start, Map<String, FlowStep> steps) {
    public FlowDefinition {
        steps = steps == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
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
