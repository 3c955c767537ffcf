package io.duecall.engine;

import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} options of one command; every option must be known to the command that reads it. */
public final class Options {
    private final Map<String, String> values;
    private final java.util.Set<String> read = new java.util.HashSet<>();

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** Options that take no value: present or not. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("--strict");

    static Options parse(Deque<String> args) {
        var values = new LinkedHashMap<String, String>();
        while (!args.isEmpty()) {
            var name = args.pop();
            if (!name.startsWith("--") || name.length() < 3) {
                throw new Main.UsageException("unexpected argument '" + name + "' (expected --option value)");
            }
            if (FLAGS.contains(name)) {
                if (values.put(name.substring(2), "true") != null) {
                    throw new Main.UsageException("option " + name + " is given twice");
                }
                continue;
            }
            if (args.isEmpty()) {
                throw new Main.UsageException("option " + name + " needs a value");
            }
            if (values.put(name.substring(2), args.pop()) != null) {
                throw new Main.UsageException("option " + name + " is given twice");
            }
        }
        return new Options(values);
    }

    public boolean has(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    public String required(String name) {
        read.add(name);
        var value = values.get(name);
        if (value == null) {
            throw new Main.UsageException("option --" + name + " is required");
        }
        return value;
    }

    /** Whether a flag such as {@code --strict} was given. */
    public boolean flag(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    public String text(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        var value = text(name, null);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Main.UsageException("option --" + name + " was '" + value + "' but it must be a whole number");
        }
    }

    public double decimal(String name, double fallback) {
        var value = text(name, null);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new Main.UsageException("option --" + name + " was '" + value + "' but it must be a number");
        }
    }

    /** An instant such as 2027-03-01T14:00:00Z, or a usage error naming the option. */
    public java.time.Instant instant(String name) {
        return Commands.instant(required(name), "--" + name);
    }

    /** Fails on any option the command did not ask for, so a typo is never silently ignored. */
    public void rejectUnknown() {
        for (var name : values.keySet()) {
            if (!read.contains(name)) {
                throw new Main.UsageException("unknown option --" + name);
            }
        }
    }
}
