package io.duecall.port;

import java.util.Objects;

/** One problem in an imported file: the physical line (the header is line 1), the column, and what is wrong. */
public record ImportError(int line, String field, String message) {
    public ImportError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + ", " + field + ": " + message;
    }
}
