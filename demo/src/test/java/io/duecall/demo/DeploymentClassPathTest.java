package io.duecall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a deployment runs (the application jar and {@code src/target/lib}, which the image ships) holds none of the
 * demos' parts; the application module's build also refuses them (its enforcer rule). The reactor packages the
 * application before this module's tests run, so its library folder is current.
 */
class DeploymentClassPathTest {
    private static final Path ROOT = Path.of("..");
    private static final List<String> DEMO_PARTS = List.of("pbx-simulator", "dev-support", "campaign-sim",
            "duecall-demo", "embedded-redis");

    @Test
    void theApplicationsLibrariesHoldNoneOfTheDemosParts() throws IOException {
        var lib = ROOT.resolve("src/target/lib");
        assertTrue(Files.isDirectory(lib), lib + " is missing: build the application module first (mvn -pl demo -am)");
        List<String> jars;
        try (var files = Files.list(lib)) {
            jars = files.map(f -> f.getFileName().toString()).sorted().toList();
        }

        assertTrue(jars.stream().anyMatch(j -> j.startsWith("dialer-core-")), "no dialer-core in " + jars);
        assertEquals(List.of(), jars.stream().filter(j -> DEMO_PARTS.stream().anyMatch(j::startsWith)).toList());
    }

    @Test
    void theImageShipsOnlyTheApplicationJarAndItsLibraries() throws IOException {
        var dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        var shipped = Pattern.compile("(?m)^COPY --from=build (\\S+)").matcher(dockerfile).results()
                .map(m -> m.group(1)).toList();

        assertEquals(List.of("/build/src/target/duecall-app.jar", "/build/src/target/lib"), shipped);
        assertTrue(dockerfile.contains("\"-cp\", \"app.jar:lib/*\""), dockerfile);
    }
}
