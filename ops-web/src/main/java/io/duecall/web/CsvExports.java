package io.duecall.web;

import java.io.Writer;

/** The ledger and the promises as CSV, written as the command line's exports write them. */
public interface CsvExports {
    void ledger(Writer out);

    void promises(Writer out);
}
