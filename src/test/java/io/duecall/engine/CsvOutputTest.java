package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOutputTest {
    @TempDir
    Path dir;

    // Issue 18: an export to a full disk left a truncated file behind.
    @Test
    void exportThatFailsPartWayLeavesTheEarlierFileWholeAndNoTemporaryFile() throws IOException {
        var target = dir.resolve("ledger.csv");
        Files.writeString(target, "call_id\nc-1\n");

        var error = assertThrows(CsvOutput.OutputFailedException.class, () -> CsvOutput.write(target, writer -> {
            try {
                writer.write("call_id\nc-1\nc-2\n");
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new UncheckedIOException(new IOException("No space left on device"));
        }));

        assertEquals("could not write " + target + ": No space left on device", error.getMessage());
        assertEquals("call_id\nc-1\n", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void exportReplacesTheEarlierFileWhole() throws IOException {
        var target = dir.resolve("ledger.csv");
        Files.writeString(target, "old\n");

        CsvOutput.write(target, writer -> {
            try {
                writer.write("new\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertEquals("new\n", Files.readString(target));
    }
}
