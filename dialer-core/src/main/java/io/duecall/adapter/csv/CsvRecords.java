package io.duecall.adapter.csv;

import java.io.Reader;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The shape every import file shares: a header naming its columns, then one record per row, validated whole. Every
 * bad field, short or long row and duplicate key is collected with its line and column, and nothing is returned
 * unless the whole file is good.
 */
final class CsvRecords {
    private CsvRecords() {}

    /** What makes two records of a file the same one: its column, and the value each record has there. */
    record UniqueKey<T>(String column, Function<T, ?> value) {}

    /** As below, for files whose records may repeat. */
    static <T> List<T> read(String source, Reader in, List<String> columns, Set<String> optional, String noun,
            Function<Fields, T> parse) {
        return read(source, in, columns, optional, noun, parse, null);
    }

    /**
     * Reads every record with {@code parse} (which returns null after recording a bad field), or throws
     * {@link ImportRejectedException} listing every problem. {@code noun} names the records in messages ("accounts").
     */
    static <T> List<T> read(String source, Reader in, List<String> columns, Set<String> optional, String noun,
            Function<Fields, T> parse, UniqueKey<T> key) {
        var rows = CsvRows.read(source, in);
        if (rows.isEmpty()) {
            throw new ImportRejectedException(source, List.of(new ImportError(1, "(file)", "is empty (expected a header row)")));
        }
        var header = rows.get(0);
        var index = CsvHeader.index(source, header, columns, optional);
        if (rows.size() == 1) {
            throw new ImportRejectedException(source, List.of(new ImportError(header.line(), "(file)",
                    "has a header but no " + noun + " (expected at least one record)")));
        }
        var errors = new ArrayList<ImportError>();
        var records = new ArrayList<T>();
        var firstLineOfKey = new HashMap<Object, Integer>();
        for (var row : rows.subList(1, rows.size())) {
            if (row.cells().size() != header.cells().size()) {
                errors.add(new ImportError(row.line(), "(record)", "has " + row.cells().size()
                        + " values (expected " + header.cells().size() + ", one per header column)"));
                continue;
            }
            var record = parse.apply(new Fields(row, index, errors));
            if (record == null) {
                continue;
            }
            var value = key == null ? null : key.value().apply(record);
            var earlier = value == null ? null : firstLineOfKey.putIfAbsent(value, row.line());
            if (earlier != null) {
                errors.add(new ImportError(row.line(), key.column(),
                        "'" + value + "' is a duplicate (first on line " + earlier + ")"));
            } else {
                records.add(record);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(source, errors);
        }
        return records;
    }

    /** One record's cells by column; a value that does not parse is recorded as an error naming its line and column. */
    static final class Fields {
        private final CsvRows.Row row;
        private final Map<String, Integer> columns;
        private final List<ImportError> errors;
        private boolean failed;

        private Fields(CsvRows.Row row, Map<String, Integer> columns, List<ImportError> errors) {
            this.row = row;
            this.columns = columns;
            this.errors = errors;
        }

        /** A required column's value, or null (with the error recorded) when it does not parse. */
        <T> T get(String column, Function<String, T> parse) {
            var raw = row.cells().get(columns.get(column)).strip();
            try {
                return parse.apply(raw);
            } catch (IllegalArgumentException | DateTimeException e) {
                error(column, e.getMessage());
                return null;
            }
        }

        /** An optional column: empty when the file has no such column or the cell is blank. */
        <T> Optional<T> optional(String column, Function<String, T> parse) {
            if (!columns.containsKey(column) || row.cells().get(columns.get(column)).isBlank()) {
                return Optional.empty();
            }
            return Optional.ofNullable(get(column, parse));
        }

        void error(String column, String message) {
            errors.add(new ImportError(row.line(), column, message));
            failed = true;
        }

        boolean failed() {
            return failed;
        }
    }
}
