package io.duecall.engine;

import io.duecall.adapter.csv.CsvFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes one report file for a command, whole or not at all ({@link CsvFiles}); a file that cannot be written is
 * an error that names it, not a crash, and leaves any earlier file of that name as it was.
 */
public final class CsvOutput {
    private CsvOutput() {}

    public static void write(Path file, Consumer<Writer> content) {
        try {
            CsvFiles.writeAtomically(file, content::accept);
        } catch (IOException e) {
            throw new OutputFailedException(file, e);
        }
    }

    /** A report file could not be written (full disk, no permission, a missing folder); nothing else changed. */
    static final class OutputFailedException extends RuntimeException {
        OutputFailedException(Path file, IOException cause) {
            super("could not write " + file + ": " + describe(cause), cause);
        }

        private static String describe(IOException cause) {
            var root = cause;
            while (root.getCause() instanceof IOException inner) {
                root = inner;
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }
}
