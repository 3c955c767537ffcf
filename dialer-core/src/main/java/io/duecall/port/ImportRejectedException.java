package io.duecall.port;

import java.util.List;

/**
 * An import file failed validation; nothing from it was stored. The message lists the first errors; a file with a
 * great many keeps only the first ones in detail and counts the rest.
 */
public final class ImportRejectedException extends RuntimeException {
    public static final int MAX_LISTED = 50;

    private final transient List<ImportError> errors;
    private final int count;

    public ImportRejectedException(String source, List<ImportError> errors) {
        this(source, errors, errors.size());
    }

    /** {@code count} is how many errors were found, of which {@code errors} are the first. */
    public ImportRejectedException(String source, List<ImportError> errors, int count) {
        super(describe(source, errors, count));
        this.errors = List.copyOf(errors);
        this.count = count;
    }

    /** The errors kept in detail: every error found, up to the first thousand. */
    public List<ImportError> errors() {
        return errors;
    }

    /** How many errors were found. */
    public int count() {
        return count;
    }

    private static String describe(String source, List<ImportError> errors, int count) {
        var text = new StringBuilder(source).append(" rejected, ").append(count)
                .append(count == 1 ? " error:" : " errors:");
        errors.stream().limit(MAX_LISTED).forEach(error -> text.append("\n  ").append(error));
        int listed = Math.min(MAX_LISTED, errors.size());
        if (count > listed) {
            text.append("\n  and ").append(count - listed).append(" more");
        }
        return text.toString();
    }
}
