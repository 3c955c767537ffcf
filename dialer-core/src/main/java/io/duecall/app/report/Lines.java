package io.duecall.app.report;

import io.duecall.domain.attempt.Attempt;
import java.util.function.Consumer;

/** The ledger lines a report counts, handed over one at a time as they are read, so no report holds a range of them. */
@FunctionalInterface
interface Lines {
    void forEach(Consumer<Attempt> line);
}
