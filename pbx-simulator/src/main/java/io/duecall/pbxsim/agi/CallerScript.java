package io.duecall.pbxsim.agi;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a simulated person on the line does at each input opportunity, in order: a key (0-9, * or #) presses that
 * key, {@code t} stays silent through one opportunity, {@code h} hangs up at the next command. Once the script is
 * used up the caller stays silent. A key interrupts a prompt only when the prompt lets that key escape; otherwise
 * it is kept for the next wait for input (WAIT FOR DIGIT, GET DATA, GET OPTION), and only such a wait spends a
 * {@code t}.
 */
public record CallerScript(List<String> actions) {
    private static final Pattern ACTION = Pattern.compile("[0-9*#th]");

    public CallerScript {
        actions = List.copyOf(actions);
        for (var a : actions) {
            if (!ACTION.matcher(a).matches()) {
                throw new IllegalArgumentException("caller script action: '" + a + "' (expected 0-9, *, #, t or h)");
            }
        }
    }

    /** Parses a space-separated script such as {@code "1 t 0"}; blank means a caller who never presses anything. */
    public static CallerScript parse(String script) {
        var trimmed = script == null ? "" : script.trim();
        return new CallerScript(trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+")));
    }
}
