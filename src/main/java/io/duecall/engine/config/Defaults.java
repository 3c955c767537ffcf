package io.duecall.engine.config;

/** The one rule for a key left out of the file: it takes the section's default. */
final class Defaults {
    private Defaults() {}

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
