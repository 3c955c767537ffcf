package io.duecall.adapter.csv;

import io.duecall.port.ImportError;
import io.duecall.port.ImportRejectedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks an import file's header against its known columns and maps each column name to its position. */
final class CsvHeader {
    private CsvHeader() {}

    /**
     * The position of each column, or throws {@link ImportRejectedException} naming every unknown, repeated or
     * missing column; names are matched case-insensitively and without surrounding blanks.
     */
    static Map<String, Integer> index(String source, CsvRows.Row header, List<String> columns, Set<String> optional) {
        var index = new HashMap<String, Integer>();
        var errors = new ArrayList<ImportError>();
        var unknown = new LinkedHashSet<String>();
        for (int i = 0; i < header.cells().size(); i++) {
            var name = header.cells().get(i).strip().toLowerCase(Locale.ROOT);
            if (!columns.contains(name)) {
                unknown.add("'" + header.cells().get(i) + "'");
            } else if (index.putIfAbsent(name, i) != null) {
                errors.add(new ImportError(header.line(), name, "column appears twice in the header"));
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new ImportError(header.line(), "(header)",
                    "unknown columns " + String.join(", ", unknown) + " (expected only " + String.join(", ", columns) + ")"));
        }
        var missing = columns.stream().filter(name -> !optional.contains(name) && !index.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            errors.add(new ImportError(header.line(), "(header)", "missing required columns " + String.join(", ", missing)));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(source, errors);
        }
        return index;
    }
}
