package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.duecall.sipconfig.AsteriskFiles;
import io.duecall.sipconfig.DeploymentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What can be checked of docker/compose.yaml without a Docker engine. */
class ComposeFileTest {
    private static final Path DOCKER = Path.of("../docker");
    private static final String RENDERED = "./asterisk/";
    /** Written by {@code ./duecall prompts generate --out docker/sounds}, like the rendered files. */
    private static final String GENERATED_PROMPTS = "./sounds/";
    private JsonNode compose;

    @BeforeEach
    void parse() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile());
    }

    @Test
    void everyLocalFileItReferencesExistsExceptTheRenderedAsteriskFilesAndGeneratedPrompts() {
        var missing = new ArrayList<String>();

        for (var source : localSources()) {
            if (!source.startsWith(RENDERED) && !source.startsWith(GENERATED_PROMPTS)
                    && !Files.exists(DOCKER.resolve(source))) {
                missing.add(source);
            }
        }

        assertEquals(List.of(), missing);
        assertTrue(Files.exists(DOCKER.resolve(compose.at("/services/duecall/build/context").asText())
                .resolve(compose.at("/services/duecall/build/dockerfile").asText())));
    }

    @Test
    void asteriskMountsExactlyTheFilesRenderedFromTheShippedDeployment() throws IOException {
        var deployment = DeploymentLoader.load(DOCKER.resolve("deployment.yaml"));
        var mounted = new TreeSet<String>();

        for (var volume : compose.at("/services/asterisk/volumes")) {
            var parts = volume.asText().split(":");
            if (parts[0].startsWith(RENDERED)) {
                var name = parts[0].substring(RENDERED.length());
                assertEquals("/etc/asterisk/" + name, parts[1], volume.asText());
                assertEquals("ro", parts[2], volume.asText());
                mounted.add(name);
            }
        }

        assertEquals(new TreeSet<>(AsteriskFiles.names(deployment)), mounted);
    }

    @Test
    void redisKeepsAnAppendOnlyFileSyncedEverySecond() {
        var command = new ArrayList<String>();

        compose.at("/services/redis/command").forEach(c -> command.add(c.asText()));

        assertEquals(List.of("redis-server", "--appendonly", "yes", "--appendfsync", "everysec"), command);
    }

    @Test
    void theDialerMountsTheConfigurationThatPointsAtTheSameDeployment() throws IOException {
        var volumes = new ArrayList<String>();

        compose.at("/services/duecall/volumes").forEach(v -> volumes.add(v.asText()));

        assertTrue(volumes.contains("./duecall.yaml:/etc/duecall/duecall.yaml:ro"), volumes.toString());
        assertTrue(volumes.contains("./deployment.yaml:/etc/duecall/deployment.yaml:ro"), volumes.toString());
        assertTrue(Files.readString(DOCKER.resolve("duecall.yaml")).contains("\ndeployment: deployment.yaml\n"));
        assertEquals("${ASTERISK_IMAGE:?set ASTERISK_IMAGE to an Asterisk 20 or newer image with PJSIP and app_amd}",
                compose.at("/services/asterisk/image").asText());
    }

    /** Bind-mount sources (paths starting with . or /) of every service. */
    private List<String> localSources() {
        var sources = new ArrayList<String>();
        compose.get("services").forEach(service -> {
            if (service.has("volumes")) {
                for (var volume : service.get("volumes")) {
                    var source = volume.asText().split(":")[0];
                    if (source.startsWith(".") || source.startsWith("/")) {
                        sources.add(source);
                    }
                }
            }
        });
        return sources;
    }
}
