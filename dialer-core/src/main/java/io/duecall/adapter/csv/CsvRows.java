package io.duecall.adapter.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a CSV file into raw rows with the physical line each starts on; blank lines are skipped, a BOM dropped. */
final class CsvRows {
    record Row(int line, List<String> cells) {}

    private static final CsvMapper MAPPER = new CsvMapper()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private CsvRows() {}

    /** The rows, or throws {@link ImportRejectedException} if the file is not well-formed CSV. */
    static List<Row> read(String source, Reader in) {
        var rows = new ArrayList<Row>();
        try (var parser = MAPPER.createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                var line = -1;
                var cells = new ArrayList<String>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (cells.isEmpty()) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                if (rows.isEmpty() && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1));
                }
                if (!(cells.size() == 1 && cells.get(0).isBlank())) {
                    rows.add(new Row(line, cells));
                }
            }
        } catch (JsonProcessingException e) {
            var line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ImportRejectedException(source, List.of(new ImportError(line, "(file)",
                    "is not well-formed CSV: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
        return rows;
    }
}
