package io.duecall.web;

import io.duecall.port.ImportError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An import problem as the lists page tables it: line, column, the value refused and why. The readers' messages
 * quote the value first ({@code phone: '555' is not a valid number}, {@code '2026-13-01' (expected a date ...)}),
 * so the value is the quoted part and the reason the rest; a problem about no one value has an empty value.
 */
public final class ImportProblems {
    private static final Pattern QUOTED = Pattern.compile("^(?:[A-Za-z_.\\[\\]0-9]+: )?'(.*?)'(?=$|[ :,])[:,]? *(.*)$",
            Pattern.DOTALL);

    private ImportProblems() {}

    /** A number stored that can never be dialed: the message starts with the number, then says why. */
    public static Map<String, Object> warning(ImportError error) {
        var map = new LinkedHashMap<String, Object>();
        map.put("line", error.line());
        map.put("column", error.field());
        var space = error.message().indexOf(' ');
        map.put("value", space < 0 ? "" : error.message().substring(0, space));
        map.put("reason", space < 0 ? error.message() : error.message().substring(space + 1));
        return map;
    }

    public static Map<String, Object> view(ImportError error) {
        var map = new LinkedHashMap<String, Object>();
        map.put("line", error.line());
        map.put("column", error.field());
        var quoted = QUOTED.matcher(error.message());
        if (quoted.matches()) {
            var reason = quoted.group(2).strip();
            map.put("value", quoted.group(1));
            map.put("reason", reason.startsWith("(") && reason.endsWith(")")
                    ? reason.substring(1, reason.length() - 1) : reason);
        } else {
            map.put("value", "");
            map.put("reason", error.message());
        }
        return map;
    }
}
