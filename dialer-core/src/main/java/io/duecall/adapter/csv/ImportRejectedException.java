package io.duecall.adapter.csv;

import java.util.List;

/** An import file failed validation; nothing from it was stored. The message lists the first errors. */
public final class ImportRejectedException extends RuntimeException {
    public static final int MAX_LISTED = 50;

    private final transient List<ImportError> errors;

    public ImportRejectedException(String source, List<ImportError> errors) {
        super(describe(source, errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error found, not only the listed ones. */
    public List<ImportError> errors() {
        return errors;
    }

    private static String describe(String source, List<ImportError> errors) {
        var text = new StringBuilder(source).append(" rejected, ").append(errors.size())
                .append(errors.size() == 1 ? " error:" : " errors:");
        errors.stream().limit(MAX_LISTED).forEach(error -> text.append("\n  ").append(error));
        if (errors.size() > MAX_LISTED) {
            text.append("\n  and ").append(errors.size() - MAX_LISTED).append(" more");
        }
        return text.toString();
    }
}
