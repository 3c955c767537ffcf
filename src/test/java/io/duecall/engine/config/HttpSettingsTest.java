package io.duecall.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.web.http.OpsWebConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSettingsTest {
    private static final String CAMPAIGN = """
            campaigns:
              - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
            """;

    @TempDir
    Path dir;

    @Test
    void limitsLeftOutTakeTheirDefaults() throws IOException {
        var http = load("http: { port: 8080 }\n" + CAMPAIGN).validate().http();

        assertEquals(OpsWebConfig.Limits.defaults(), http.limits());
    }

    @Test
    void everyLimitIsReadFromItsKey() throws IOException {
        var http = load("""
                http:
                  port: 8080
                  maxRequestLineBytes: 4096
                  maxHeaderBytes: 8192
                  maxBodyBytes: 65536
                  idleTimeout: PT10S
                  requestTimeout: PT20S
                  maxConnections: 100
                  maxConnectionsPerAddress: 10
                  maxPendingEventBytes: 262144
                  maxSkippedEvents: 5
                  historyInterval: PT30S
                  historySamples: 2880
                """ + CAMPAIGN).validate().http();

        assertEquals(new OpsWebConfig.Limits(4096, 8192, 65536, Duration.ofSeconds(10), Duration.ofSeconds(20), 100, 10,
                262144, 5, Duration.ofSeconds(30), 2880), http.limits());
    }

    @Test
    void badLimitsAreReportedTogetherByKey() throws IOException {
        var config = load("""
                http: { port: 8080, maxHeaderBytes: 10, idleTimeout: PT0S, maxConnectionsPerAddress: 0 }
                """ + CAMPAIGN);

        var error = assertThrows(ConfigException.class, config::validate);

        assertTrue(error.getMessage().contains("http.maxHeaderBytes: 10 (expected >= 1024)"), error.getMessage());
        assertTrue(error.getMessage().contains("http.idleTimeout: PT0S (expected a duration > 0"), error.getMessage());
        assertTrue(error.getMessage().contains("http.maxConnectionsPerAddress: 0 (expected >= 1)"), error.getMessage());
    }

    private EngineConfig load(String yaml) throws IOException {
        var file = dir.resolve("duecall.yaml");
        Files.writeString(file, yaml);
        return EngineConfig.load(file);
    }
}
