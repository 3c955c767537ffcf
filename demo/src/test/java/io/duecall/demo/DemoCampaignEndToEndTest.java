package io.duecall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * A small campaign through every real part: Redis, the AMI adapter against the PBX simulator over TCP, the IVR over
 * FastAGI, agents and the ledger. It checks behaviour, not speed.
 */
class DemoCampaignEndToEndTest {
    private final String prefix = "duecall-e2e-" + UUID.randomUUID();

    @TempDir
    Path out;

    @AfterEach
    void removeKeys() {
        try (var redis = DevRedis.provision(); var jedis = new JedisPooled(redis.uri())) {
            KeyspaceCleaner.deleteAll(jedis, prefix);
        }
    }

    @Test
    void smallCampaignCollectsPromisesBridgesCallsAndAccountsForEveryDial() throws Exception {
        // 30 times real time, as the demo: a bridge has real round trips (the Redirect, the IVR closing its FastAGI
        // socket, the agent's answer) to make inside the 2-second agent wait, 67 ms of real time at this speed.
        var options = new Demo.Options(240, Duration.ofSeconds(12), 30, 11, Instant.parse("2026-11-24T17:45:00Z"), out,
                prefix);
        var console = new ByteArrayOutputStream();

        var report = Demo.run(options, new PrintStream(console, true, StandardCharsets.UTF_8));

        var printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(report.dialsPlaced() > 50, printed);
        assertTrue(report.promises() > 0, printed);
        assertTrue(report.bridged() > 0, printed);
        assertEquals(0, report.callsOutsideWindow(), printed);
        assertTrue(report.ledgerAccountsForEveryDial(), printed);
        assertTrue(report.promiseCount().told() > 0, printed);
        assertEquals(0, report.promiseCount().toldNotStored(), printed);
        assertEquals(report.promises(), report.promiseCount().stored(), printed);
        assertTrue(printed.contains("promises keyed by callers = promises stored: "), printed);
        assertTrue(report.healthy(), printed);
        var csvLines = Files.readAllLines(out.resolve("ledger.csv")).size();
        assertEquals(report.ledgerLines() + 1, csvLines, "ledger.csv has a header and one line per dial");
    }
}
