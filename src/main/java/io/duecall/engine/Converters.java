package io.duecall.engine;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import picocli.CommandLine.TypeConversionException;

/** The command line's value types; a bad value's error names the option (picocli adds it) and what was expected. */
final class Converters {
    private Converters() {}

    static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + raw + "' (expected an instant such as 2027-03-01T14:00:00Z)");
        }
    }

    /** A value record whose constructor validates, such as {@code E164}: its message says what was wrong. */
    static <T> T value(String raw, Function<String, T> constructor) {
        try {
            return constructor.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + raw + "': " + e.getMessage());
        }
    }
}
