package io.duecall.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain, ports and use cases know nothing of Redis, Asterisk, Quartz, Netty or Micrometer. */
class DomainIsolationTest {
    private static final List<String> FORBIDDEN =
            List.of("org.asteriskjava", "redis.clients", "org.quartz", "io.netty", "io.micrometer");
    private static final Path SOURCES = Path.of("src/main/java/io/duecall");

    @Test
    void domainPortAndAppImportNoInfrastructure() throws IOException {
        var offences = new ArrayList<String>();
        int files = 0;
        for (var dir : List.of("domain", "port", "app")) {
            try (Stream<Path> paths = Files.walk(SOURCES.resolve(dir))) {
                for (var file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    for (var line : Files.readAllLines(file)) {
                        if (line.startsWith("import ") && FORBIDDEN.stream().anyMatch(line::contains)) {
                            offences.add(file + ": " + line);
                        }
                    }
                }
            }
        }

        assertTrue(files > 20, "expected to scan the domain sources, found " + files + " files");
        assertEquals(List.of(), offences);
    }
}
