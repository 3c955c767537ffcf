package io.duecall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** {@code ./duecall demo --console}: the pages served on an empty key space, nothing imported, nothing started. */
class DemoConsoleTest {
    private static final Pattern PAGES = Pattern.compile("campaigns, lists, board, promises, reports: (http://\\S+/)"
            + "campaigns\\.html#token=(\\S+)");
    private final String prefix = "duecall-console-" + UUID.randomUUID();

    @TempDir
    Path out;

    @AfterEach
    void clean() {
        try (var redis = DevRedis.provision(); var jedis = new JedisPooled(redis.uri())) {
            KeyspaceCleaner.deleteAll(jedis, prefix);
        }
    }

    @Test
    void servesThePagesWithNoAccountQueuedAndNoCampaignRunningAndWritesAFileToUpload() throws Exception {
        var options = new Demo.Options(50, Duration.ofSeconds(600), 10, 3, Instant.parse("2026-11-24T17:45:00Z"), out,
                prefix);
        var printed = new ByteArrayOutputStream();
        var failure = new AtomicReference<Exception>();
        var console = Thread.ofPlatform().start(() -> {
            try {
                Demo.console(options, 0, new PrintStream(printed, true, StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure.set(e);
            }
        });
        try {
            var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            var pages = PAGES.matcher("");
            while (!(pages = PAGES.matcher(printed.toString(StandardCharsets.UTF_8))).find() && console.isAlive()
                    && System.nanoTime() < deadline) {
                console.join(Duration.ofMillis(100));
            }
            assertTrue(pages.find(0), printed.toString(StandardCharsets.UTF_8));

            var campaigns = get(pages.group(1) + "api/campaigns", pages.group(2));

            assertTrue(campaigns.contains("\"id\":\"reminders\""), campaigns);
            assertEquals(2, count(campaigns, "\"state\":\"STOPPED\""), campaigns);
            assertEquals(2, count(campaigns, "\"queued\":0,"), campaigns);
            var file = out.resolve("console-accounts.csv");
            assertEquals(51, Files.readAllLines(file).size());
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("accounts to upload: " + file.toAbsolutePath()));
        } finally {
            console.interrupt();
            console.join(Duration.ofSeconds(60));
        }
        assertEquals(null, failure.get());
    }

    private static String get(String url, String token) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
