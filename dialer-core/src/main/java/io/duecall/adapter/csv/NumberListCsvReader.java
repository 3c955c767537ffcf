package io.duecall.adapter.csv;

import io.duecall.domain.account.E164;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a list of phone numbers (a {@code number} column, in E.164 or national form for the default region), such
 * as a do-not-call list, validating the whole file first; a number listed twice is kept once.
 */
public final class NumberListCsvReader {
    public static final List<String> COLUMNS = List.of("number");
    private final String defaultRegion;

    /** {@code defaultRegion} is the ISO 3166 region for numbers given in national form, such as "US"; may be null. */
    public NumberListCsvReader(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public Set<E164> read(Path file) {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Every number in the file, in file order, or throws {@link ImportRejectedException} listing every problem. */
    public Set<E164> read(String source, Reader in) {
        var rows = CsvRows.read(source, in);
        if (rows.isEmpty()) {
            throw new ImportRejectedException(source, List.of(new ImportError(1, "(file)", "is empty (expected a header row)")));
        }
        var header = rows.get(0);
        var column = CsvHeader.index(source, header, COLUMNS, Set.of()).get("number");
        if (rows.size() == 1) {
            throw new ImportRejectedException(source, List.of(new ImportError(header.line(), "(file)",
                    "has a header but no numbers (expected at least one record)")));
        }
        var errors = new ArrayList<ImportError>();
        var numbers = new LinkedHashSet<E164>();
        for (var row : rows.subList(1, rows.size())) {
            if (row.cells().size() != header.cells().size()) {
                errors.add(new ImportError(row.line(), "(record)", "has " + row.cells().size()
                        + " values (expected " + header.cells().size() + ", one per header column)"));
                continue;
            }
            try {
                numbers.add(E164.parse(row.cells().get(column).strip(), defaultRegion));
            } catch (IllegalArgumentException e) {
                errors.add(new ImportError(row.line(), "number", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(source, errors);
        }
        return numbers;
    }
}
