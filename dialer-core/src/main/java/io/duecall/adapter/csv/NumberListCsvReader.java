package io.duecall.adapter.csv;

import io.duecall.domain.account.E164;
import io.duecall.port.ImportRejectedException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        // A number listed twice is the same entry, not a mistake: keep it once rather than reject the file.
        var numbers = CsvRecords.read(source, in, new CsvRecords.Shape<>(COLUMNS, Set.of(), "numbers",
                f -> f.get("number", raw -> E164.parse(raw, defaultRegion)), null), ImportLimits.defaults().maxCellBytes());
        return new LinkedHashSet<>(numbers);
    }
}
