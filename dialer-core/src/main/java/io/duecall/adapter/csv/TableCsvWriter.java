package io.duecall.adapter.csv;

import java.io.Writer;
import java.util.List;

/** Rows of text under a header, written as every CSV of the engine is: quoted where needed, formula-safe. */
public final class TableCsvWriter {
    private TableCsvWriter() {}

    /** Writes {@code rows}, each as long as {@code header}, to {@code out}. */
    public static void write(List<String> header, List<List<String>> rows, Writer out) {
        var table = new CsvTable<List<String>>();
        for (int i = 0; i < header.size(); i++) {
            int column = i;
            table.column(header.get(i), row -> row.get(column));
        }
        table.write(rows, out);
    }
}
