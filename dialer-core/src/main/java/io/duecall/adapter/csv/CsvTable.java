package io.duecall.adapter.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes rows under a header with Jackson's CSV generator, which does the quoting; null values become empty cells.
 * Every cell goes through {@link CsvFiles#neutralize}, so no value (an account id such as {@code -2-3}, say) is taken for a
 * formula when the file is opened in a spreadsheet.
 */
final class CsvTable<T> {
    private static final CsvMapper MAPPER = new CsvMapper();

    private final List<String> names = new ArrayList<>();
    private final List<Function<T, Object>> getters = new ArrayList<>();

    CsvTable<T> column(String name, Function<T, Object> getter) {
        names.add(name);
        getters.add(getter);
        return this;
    }

    void write(Iterable<T> items, Writer out) {
        write(sink -> items.forEach(sink), out);
    }

    /** Writes the rows {@code source} hands over one at a time, each as it comes; returns how many. */
    long write(java.util.function.Consumer<java.util.function.Consumer<T>> source, Writer out) {
        var schema = CsvSchema.builder().addColumns(names, CsvSchema.ColumnType.STRING).build().withHeader();
        try (SequenceWriter rows = MAPPER.writer(schema).writeValues(out)) {
            long[] written = {0};
            source.accept(item -> {
                var row = new ArrayList<String>(getters.size());
                for (var getter : getters) {
                    var value = getter.apply(item);
                    row.add(value == null ? "" : CsvFiles.neutralize(value.toString()));
                }
                try {
                    rows.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException("writing CSV", e);
                }
                written[0]++;
            });
            return written[0];
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV", e);
        }
    }
}
