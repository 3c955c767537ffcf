package io.duecall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.engine.Engine;
import io.duecall.engine.ScaledClock;
import io.duecall.engine.ScaledPause;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.web.Principal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import redis.clients.jedis.JedisPooled;

/**
 * The reports page in headless Chromium after the demo's campaigns have dialed: every figure it shows for the day
 * (calls, answers, right-party contacts, abandons, each agent's calls, the heatmap's calls) equals what this test
 * works out itself from the ledger the engine wrote; the screenshot goes to docs/screenshots/reports.png.
 */
class ReportsPageBrowserTest {
    private final String prefix = "duecall-reports-" + UUID.randomUUID();

    @Test
    void reportsShowTheLedgersFiguresAfterTheDemosCampaigns(@TempDir Path out, @TempDir Path profile)
            throws Exception {
        HeadlessChromium.assumeInstalled();
        var shots = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("docs/screenshots");
        Files.createDirectories(shots);
        // Ten times real time, as OpsPagesBrowserTest: a bridge's real round trips keep most of the agent wait.
        var options = new Demo.Options(400, Duration.ofSeconds(60), 10, 7, Instant.parse("2026-11-24T17:45:00Z"),
                out, prefix);
        var config = Demo.config(prefix);
        var simulator = new AtomicReference<PbxSimulator>();
        try (var redis = DevRedis.provision(); var jedis = new JedisPooled(redis.uri())) {
            try (var engine = Engine.start(config, new ScaledClock(options.start(), options.speed()),
                    new ScaledPause(options.speed()), redis,
                    port -> Demo.startSimulator(simulator, port, options, config,
                            Population.defaults().withAgents(List.of())))) {
                Demo.importAccounts(engine, options, new PrintStream(OutputStream.nullOutputStream()));
                var http = Demo.opsConfig(0, config);
                var base = "http://127.0.0.1:" + engine.startOpsServer(http).port() + "/";
                var opsToken = http.tokens().entrySet().stream()
                        .filter(e -> e.getValue().equals(Principal.operations())).findFirst().orElseThrow().getKey();
                var driver = HeadlessChromium.start(profile, 1300);
                try {
                    var wait = new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(200));
                    engine.loginAllAgents();
                    engine.startCampaigns();
                    // The demo's campaigns run until agents have taken calls and the IVR has had its answers.
                    wait.until(d -> count(engine, a -> a.bridgedAt() != null) >= 3
                            && count(engine, a -> a.outcome() == CallOutcome.ANSWERED) >= 20);
                    engine.stopCampaigns();
                    wait.until(d -> engine.dialer().callsInFlight() == 0);

                    driver.get(base + "reports.html#token=" + opsToken);
                    wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));

                    var zone = engine.clock().getZone();
                    var today = engine.clock().instant().atZone(zone).toLocalDate();
                    var lines = engine.ledger().readAll().stream().filter(a -> !a.test()).toList();
                    var zoneName = zone.equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
                    assertTrue(text(driver, "#zone-note").startsWith("Days are counted in " + zoneName + ","),
                            text(driver, "#zone-note"));
                    for (var campaign : List.of("reminders", "desk")) {
                        var own = lines.stream().filter(a -> a.campaign().value().equals(campaign)).toList();
                        var dialed = own.stream().filter(a -> on(a.originatedAt(), today, zone)).toList();
                        var row = "#campaigns tr[data-campaign=" + campaign + "][data-day='" + today + "'] ";
                        assertEquals(dialed.size(), number(driver, row + ".dials"), campaign + " dials");
                        assertEquals(dialed.stream().filter(a -> a.outcome().answered()).count(),
                                number(driver, row + ".answered"), campaign + " connects");
                        assertEquals(dialed.stream().filter(a -> a.outcome() == CallOutcome.ANSWERED).count(),
                                number(driver, row + ".live"), campaign + " live answers");
                        assertEquals(dialed.stream().filter(Attempt::rightParty).count(),
                                number(driver, row + ".rpc"), campaign + " right-party contacts");
                        var live = own.stream().filter(a -> a.outcome() == CallOutcome.ANSWERED
                                && a.answeredAt() != null && on(a.answeredAt(), today, zone)).toList();
                        var abandoned = live.stream()
                                .filter(a -> a.abandoned() || a.disposition() == Disposition.ABANDONED).count();
                        assertEquals(abandoned, number(driver, row + ".abandoned"), campaign + " abandons");
                        assertEquals(live.size(), number(driver, "#abandons tr[data-campaign=" + campaign
                                + "] .live-today"), campaign + " live answers today");
                        assertEquals(percent(abandoned, live.size()), text(driver, "#abandons tr[data-campaign="
                                + campaign + "] .today"), campaign + " abandon rate today");
                    }
                    for (var seat : config.agents().seats()) {
                        var agent = seat.id().value();
                        var calls = lines.stream().filter(a -> agent.equals(a.agent()) && a.bridgedAt() != null
                                && on(a.bridgedAt(), today, zone)).count();
                        assertEquals(calls, number(driver, "#agents tr[data-agent='" + agent + "'] .calls"),
                                "agent " + agent + " calls");
                    }
                    assertTrue(lines.stream().anyMatch(a -> a.agent() != null && a.bridgedAt() != null));
                    var gridCalls = lines.stream().filter(a -> on(a.originatedAt(), today, zone)).count();
                    assertEquals(String.valueOf(gridCalls),
                            driver.findElement(By.id("hours-total")).getAttribute("data-dials"));
                    assertEquals(2, driver.findElements(By.cssSelector("#hours-chart canvas, #abandon-chart canvas"))
                            .size());
                    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
                    HeadlessChromium.screenshot(driver, shots.resolve("reports.png"));
                    HeadlessChromium.assertNoPolicyViolation(driver);
                } finally {
                    driver.quit();
                    engine.stopCampaigns();
                }
            } finally {
                if (simulator.get() != null) {
                    simulator.get().close();
                }
                KeyspaceCleaner.deleteAll(jedis, prefix);
            }
        }
    }

    private static long count(Engine engine, Predicate<Attempt> which) {
        return engine.ledger().readAll().stream().filter(a -> !a.test()).filter(which).count();
    }

    private static boolean on(Instant at, LocalDate day, ZoneId zone) {
        return at.atZone(zone).toLocalDate().equals(day);
    }

    private static String percent(long part, long whole) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", whole == 0 ? 0 : 100.0 * part / whole);
    }

    private static String text(WebDriver driver, String css) {
        try {
            return driver.findElement(By.cssSelector(css)).getText().strip();
        } catch (WebDriverException e) {
            return "";
        }
    }

    private static long number(WebDriver driver, String css) {
        var shown = text(driver, css);
        return shown.isEmpty() ? -1 : Long.parseLong(shown);
    }
}
