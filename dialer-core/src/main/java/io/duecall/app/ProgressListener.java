package io.duecall.app;

/**
 * Told how far a long piece of work has come (accounts imported, numbers listed, payments recorded, days simulated),
 * so that whoever started it can show progress. The work knows nothing of how it is shown: a command line draws a
 * bar, a test counts, and {@link #NONE} ignores it.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> {};

    /**
     * {@code done} items so far, counted from the start of the work, of {@code total} (0 while the work does not know
     * it, as an import streaming its file); called often, so it must be cheap.
     */
    void progressed(long done, long total);
}
