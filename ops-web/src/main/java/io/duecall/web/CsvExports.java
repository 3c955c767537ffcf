package io.duecall.web;

import java.io.Writer;
import java.util.List;

/**
 * The ledger and the promises as CSV, written as the command line's exports write them, and any table (the
 * reports') with the same quoting and formula-safe cells.
 */
public interface CsvExports {
    void ledger(Writer out);

    void promises(Writer out);

    /** Writes {@code rows}, each as long as {@code header}. */
    void table(List<String> header, List<List<String>> rows, Writer out);
}
