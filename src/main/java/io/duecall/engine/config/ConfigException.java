package io.duecall.engine.config;

import java.util.List;

/** The configuration cannot be used; the message lists every problem. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    /** One exception for every problem found, each on its own line. */
    static ConfigException of(List<String> problems) {
        return new ConfigException("configuration has " + problems.size() + " problem(s):\n  "
                + String.join("\n  ", problems));
    }
}
