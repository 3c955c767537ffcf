package io.duecall.adapter.csv;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.duecall.port.ImportError;
import io.duecall.port.ImportRejectedException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file one row at a time, with the physical line each starts on; blank lines are skipped, a BOM dropped.
 * Memory stays bounded whatever the file holds: a cell far longer than the limit stops the read
 * ({@link CellTooLongException}; the parser never buffers much more than that), {@link CsvRecords} reports the cells
 * merely over it, and a row keeps at most {@link #MAX_CELLS} cells while counting the rest.
 */
final class CsvRows implements AutoCloseable {
    /** One row: its line, its cells (at most {@link #MAX_CELLS}) and how many cells it really had. */
    record Row(int line, List<String> cells, int width) {
        Row(int line, List<String> cells) {
            this(line, cells, cells.size());
        }
    }

    /** More columns than any import file has; a row with more is reported by its count, not kept. */
    static final int MAX_CELLS = 64;
    private static final int HARD_LIMIT_FACTOR = 4;

    private final String source;
    private final int maxCellBytes;
    private final JsonParser parser;
    private boolean first = true;

    private CsvRows(String source, Reader in, int maxCellBytes) {
        this.source = source;
        this.maxCellBytes = maxCellBytes;
        // Cells somewhat over the limit are read whole, so that CsvRecords can report each with its column and go
        // on; only one far over it (more than HARD_LIMIT_FACTOR times, at least a MiB) stops the read.
        var hardLimit = Math.max(1 << 20, maxCellBytes * HARD_LIMIT_FACTOR);
        var factory = CsvFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(hardLimit).build())
                .build();
        var mapper = new CsvMapper(factory).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        try {
            this.parser = mapper.createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    static CsvRows open(String source, Reader in, int maxCellBytes) {
        return new CsvRows(source, in, maxCellBytes);
    }

    /** Every row at once, for small files. */
    static List<Row> read(String source, Reader in, int maxCellBytes) {
        var rows = new ArrayList<Row>();
        try (var cursor = open(source, in, maxCellBytes)) {
            for (var row = cursor.next(); row != null; row = cursor.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The next row, or null at the end of the file; throws {@link ImportRejectedException} if the file is not
     * well-formed CSV or a cell is longer than the limit (the file is not read further).
     */
    Row next() {
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                var row = row();
                if (row != null) {
                    return row;
                }
            }
            return null;
        } catch (JsonProcessingException e) {
            throw rejected(e, "is not well-formed CSV: " + e.getOriginalMessage());
        } catch (CharacterCodingException e) {
            throw new ImportRejectedException(source, List.of(new ImportError(parser.currentLocation().getLineNr(),
                    "(file)", "is not UTF-8 text (" + e + "); the file was not read further")));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    private Row row() throws IOException {
        var line = parser.currentTokenLocation().getLineNr();
        var cells = new ArrayList<String>();
        int width = 0;
        while (next(line, width) == JsonToken.VALUE_STRING) {
            if (width == 0) {
                line = parser.currentTokenLocation().getLineNr();
            }
            width++;
            if (cells.size() < MAX_CELLS) {
                cells.add(parser.getText());
            }
        }
        if (first && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
            cells.set(0, cells.get(0).substring(1));
        }
        first = false;
        if (width == 1 && cells.get(0).isBlank()) {
            return null;
        }
        return new Row(line, cells, width);
    }

    private JsonToken next(int line, int cell) throws IOException {
        try {
            return parser.nextToken();
        } catch (StreamConstraintsException e) {
            throw new CellTooLongException(line, cell);
        }
    }

    /** A cell so far over the limit that the read stopped: its row's line and its position in the row (from 0). */
    static final class CellTooLongException extends RuntimeException {
        final int line;
        final int cell;

        CellTooLongException(int line, int cell) {
            super("line " + line + ", cell " + (cell + 1) + " is too long", null, false, false);
            this.line = line;
            this.cell = cell;
        }
    }

    private ImportRejectedException rejected(JsonProcessingException e, String message) {
        var line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new ImportRejectedException(source, List.of(new ImportError(line, "(file)", message)));
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + source, e);
        }
    }
}
