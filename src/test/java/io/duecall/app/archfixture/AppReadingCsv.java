package io.duecall.app.archfixture;

import io.duecall.adapter.csv.AccountCsvReader;

/** Deliberately wrong, for {@code LayersTest}: a use case reaching into an adapter. */
public class AppReadingCsv {
    AccountCsvReader reader;
}
