package io.duecall.adapter.csv;

import io.duecall.port.ImportError;
import io.duecall.port.ImportRejectedException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The shape every import file shares: a header naming its columns, then one record per row, validated whole. Every
 * bad field, short or long row, over-long cell and duplicate key is collected with its line and column, and the read
 * ends in {@link ImportRejectedException} unless the whole file is good. Records are read one at a time: a caller
 * that streams them somewhere keeps only the keys seen (for duplicates) and the problems found.
 */
final class CsvRecords {
    private CsvRecords() {}

    /** What makes two records of a file the same one: its column, and the value each record has there. */
    record UniqueKey<T>(String column, Function<T, ?> value) {}

    /** A record and the physical line it starts on (the header is line 1). */
    record Numbered<T>(int line, T value) {}

    /**
     * What a file is made of: its columns, those that may be left out, what its records are called, how one parses,
     * what makes a record unique (or null) and how many records it may have, with the key that sets that limit.
     */
    record Shape<T>(List<String> columns, Set<String> optional, String noun, Function<Fields, T> parse, UniqueKey<T> key,
            int maxRecords, String maxRecordsKey) {
        Shape(List<String> columns, Set<String> optional, String noun, Function<Fields, T> parse, UniqueKey<T> key) {
            this(columns, optional, noun, parse, key, Integer.MAX_VALUE, null);
        }
    }

    /** Every record at once, for files that are small by nature (payment feeds, number lists). */
    static <T> List<T> read(String source, Reader in, Shape<T> shape, int maxCellBytes) {
        var records = new ArrayList<T>();
        read(source, in, shape, maxCellBytes, record -> records.add(record.value()));
        return records;
    }

    /**
     * Reads every record with the shape's parser (which returns null after recording a bad field) and hands each good
     * one to {@code sink} in file order, as long as no problem has been found; after the first problem the rest of
     * the file is only checked. Throws {@link ImportRejectedException} listing every problem at the end.
     */
    static <T> void read(String source, Reader in, Shape<T> shape, int maxCellBytes, Consumer<Numbered<T>> sink) {
        var errors = new Problems();
        try (var rows = CsvRows.open(source, in, maxCellBytes)) {
            var header = header(source, rows, maxCellBytes);
            if (header == null) {
                throw new ImportRejectedException(source, List.of(new ImportError(1, "(file)", "is empty (expected a header row)")));
            }
            var index = CsvHeader.index(source, header, shape.columns(), shape.optional());
            var names = new String[header.cells().size()];
            index.forEach((name, position) -> names[position] = name);
            var firstLineOfKey = new HashMap<Object, Integer>();
            int records = 0;
            for (var row = next(rows, names, maxCellBytes, errors); row != null; row = next(rows, names, maxCellBytes, errors)) {
                if (++records > shape.maxRecords()) {
                    errors.add(new ImportError(row.line(), "(file)", "has more than " + shape.maxRecords() + " "
                            + shape.noun() + " (expected at most " + shape.maxRecords() + ", " + shape.maxRecordsKey()
                            + "; split the file); the file was not read further"));
                    break;
                }
                if (row.width() != header.width()) {
                    errors.add(new ImportError(row.line(), "(record)", "has " + row.width()
                            + " values (expected " + header.width() + ", one per header column)"));
                    continue;
                }
                if (!cellsFit(row, names, maxCellBytes, errors)) {
                    continue;
                }
                var record = shape.parse().apply(new Fields(row, index, errors));
                if (record == null) {
                    continue;
                }
                var key = shape.key();
                var value = key == null ? null : key.value().apply(record);
                var earlier = value == null ? null : firstLineOfKey.putIfAbsent(value, row.line());
                if (earlier != null) {
                    errors.add(new ImportError(row.line(), key.column(),
                            "'" + value + "' is a duplicate (first on line " + earlier + ")"));
                } else if (errors.count() == 0) {
                    sink.accept(new Numbered<>(row.line(), record));
                }
            }
            if (records == 0 && errors.count() == 0) {
                throw new ImportRejectedException(source, List.of(new ImportError(header.line(), "(file)",
                        "has a header but no " + shape.noun() + " (expected at least one record)")));
            }
        }
        if (errors.count() > 0) {
            throw new ImportRejectedException(source, errors.kept(), errors.count());
        }
    }

    private static CsvRows.Row header(String source, CsvRows rows, int maxCellBytes) {
        try {
            return rows.next();
        } catch (CsvRows.CellTooLongException e) {
            throw new ImportRejectedException(source, List.of(new ImportError(e.line, "(header)", "has a cell far "
                    + "longer than " + maxCellBytes + " bytes (imports.maxCellBytes); the file was not read further")));
        }
    }

    /** The next row, or null at the end or after a cell so long that the file cannot be read further. */
    private static CsvRows.Row next(CsvRows rows, String[] names, int maxCellBytes, Problems errors) {
        try {
            return rows.next();
        } catch (CsvRows.CellTooLongException e) {
            errors.add(new ImportError(e.line, column(names, e.cell), "is far longer than " + maxCellBytes
                    + " bytes (imports.maxCellBytes); the file was not read further"));
            return null;
        }
    }

    private static String column(String[] names, int position) {
        return position < names.length && names[position] != null ? names[position] : "(column " + (position + 1) + ")";
    }

    private static boolean cellsFit(CsvRows.Row row, String[] names, int maxCellBytes, Problems errors) {
        boolean fit = true;
        for (int i = 0; i < row.cells().size(); i++) {
            var cell = row.cells().get(i);
            if (cell.length() * 3 > maxCellBytes && cell.getBytes(StandardCharsets.UTF_8).length > maxCellBytes) {
                errors.add(new ImportError(row.line(), column(names, i), "has " + cell.getBytes(StandardCharsets.UTF_8).length
                        + " bytes (expected at most " + maxCellBytes + ", imports.maxCellBytes)"));
                fit = false;
            }
        }
        return fit;
    }

    /** The problems found: all of them counted, the first {@link #KEPT} kept, so a file of nothing but errors stays small. */
    static final class Problems {
        static final int KEPT = 1_000;
        private final List<ImportError> kept = new ArrayList<>();
        private int count;

        void add(ImportError error) {
            count++;
            if (kept.size() < KEPT) {
                kept.add(error);
            }
        }

        int count() {
            return count;
        }

        List<ImportError> kept() {
            return kept;
        }
    }

    /** One record's cells by column; a value that does not parse is recorded as an error naming its line and column. */
    static final class Fields {
        private final CsvRows.Row row;
        private final Map<String, Integer> columns;
        private final Problems errors;
        private boolean failed;

        private Fields(CsvRows.Row row, Map<String, Integer> columns, Problems errors) {
            this.row = row;
            this.columns = columns;
            this.errors = errors;
        }

        int line() {
            return row.line();
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
