package io.duecall.devsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Removing the scratch directories of the servers DueCall starts of its own (Redis, PostgreSQL, the cluster demo). */
public final class DirectoryTrees {
    private DirectoryTrees() {}

    /** Deletes {@code dir} and everything under it, deepest first; a path already gone is no error. */
    public static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
