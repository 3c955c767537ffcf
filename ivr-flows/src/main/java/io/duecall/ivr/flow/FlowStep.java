package io.duecall.ivr.flow;

import java.util.List;
import java.util.Map;

/**
 * One state of a flow as written in its YAML: what is said, then either a built-in {@code action}, a question
 * ({@code ask}) answered by the keys in {@code on}, an {@code end} with a disposition, or a plain {@code next}.
 *
 * @param say items spoken first: {@code prompt:<sound file>} or one of {@link Speaker#ITEMS}
 * @param ask the sound file of the question; a step with {@code ask} and no action is a menu of the keys in {@code on}
 * @param action a built-in action from {@link FlowAction}; its events are looked up in {@code on}
 * @param on where each key or event leads; {@code failed} is where a menu goes once its retries are spent
 * @param end the call's disposition (an enum name of {@code Disposition}, or {@code auto}) when the flow ends here
 * @param timeoutSeconds how long the caller has to answer; the flow's input timeout when absent
 * @param retries how many times a question is asked before {@code failed}; 3 when absent
 */
public record FlowStep(
        List<String> say,
        String ask,
        String action,
        Map<String, String> on,
        String next,
        String end,
        Integer timeoutSeconds,
        Integer retries) {
    public static final int DEFAULT_RETRIES = 3;

    public FlowStep {
        say = say == null ? List.of() : List.copyOf(say);
        on = on == null ? Map.of() : Map.copyOf(on);
    }

    int triesAllowed() {
        return retries == null ? DEFAULT_RETRIES : retries;
    }

    /** The keys a menu accepts, in {@code 0-9*#}, as escape digits. */
    String menuKeys() {
        var keys = new StringBuilder();
        for (var key : "0123456789*#".toCharArray()) {
            if (on.containsKey(String.valueOf(key))) {
                keys.append(key);
            }
        }
        return keys.toString();
    }
}
