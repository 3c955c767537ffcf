package io.duecall.pbxsim.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One command line split into arguments the way Asterisk's AGI parser splits it: on blanks, with double quotes
 * grouping words (an empty {@code ""} is an empty argument) and a backslash taking the next character literally.
 */
record AgiCommandLine(List<String> args) {
    AgiCommandLine {
        args = List.copyOf(args);
    }

    static AgiCommandLine parse(String line) {
        var args = new ArrayList<String>();
        var current = new StringBuilder();
        var inQuotes = false;
        var inArgument = false;
        var escaped = false;
        for (var i = 0; i < line.length(); i++) {
            var c = line.charAt(i);
            if (escaped) {
                current.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
                inArgument = true;
            } else if (c == '"') {
                inQuotes = !inQuotes;
                inArgument = true;
            } else if ((c == ' ' || c == '\t') && !inQuotes) {
                if (inArgument) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (inArgument) {
            args.add(current.toString());
        }
        return new AgiCommandLine(args);
    }

    /** True when the command's leading words are these, compared as Asterisk does, ignoring case. */
    boolean is(String... words) {
        if (args.size() < words.length) {
            return false;
        }
        for (var i = 0; i < words.length; i++) {
            if (!args.get(i).toUpperCase(Locale.ROOT).equals(words[i])) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return args.size();
    }

    String arg(int index) {
        return args.get(index);
    }
}
