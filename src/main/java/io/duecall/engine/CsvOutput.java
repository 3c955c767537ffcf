package io.duecall.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Writes one report file for a command; a file that cannot be written is an error that names it, not a crash. */
final class CsvOutput {
    private CsvOutput() {}

    static void write(Path file, Consumer<Writer> content) {
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.accept(writer);
        } catch (IOException e) {
            throw new OutputFailedException(file, e);
        } catch (UncheckedIOException e) {
            throw new OutputFailedException(file, e.getCause());
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
