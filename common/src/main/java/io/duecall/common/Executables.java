package io.duecall.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Finds programs the way a shell does, on the directories of {@code PATH}, for the commands that start one. */
public final class Executables {
    private Executables() {}

    /** The first executable file named {@code program} in a directory of {@code PATH}; empty entries are skipped. */
    public static Optional<Path> onPath(String program) {
        var path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
