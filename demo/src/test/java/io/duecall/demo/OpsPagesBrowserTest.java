package io.duecall.demo;

import io.duecall.engine.Engine;
import io.duecall.engine.ScaledClock;
import io.duecall.engine.ScaledPause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.agent.AgentId;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.web.Principal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import redis.clients.jedis.JedisPooled;

/**
 * The dashboard and the agent desk in headless Chromium against the demo wiring: an operations user starts the
 * campaigns and sees the figures move; agent 101 logs in, receives a bridged call, sees its account, records a
 * promise, and the dashboard's promise count for the agent campaign rises. Screenshots go to
 * ops-web/target/screenshots/.
 */
class OpsPagesBrowserTest {
    private final String prefix = "duecall-web-" + UUID.randomUUID();

    @Test
    void operationsStartsCampaignsAndAnAgentRecordsAPromiseTheDashboardCounts(@TempDir Path out, @TempDir Path profile)
            throws Exception {
        HeadlessChromium.assumeInstalled();
        var shots = Path.of(System.getProperty("user.dir")).resolveSibling("ops-web").resolve("target/screenshots");
        Files.createDirectories(shots);
        // Ten times real time: the desk is under test here, and a bridge's real round trips get 200 ms of the 2-second
        // agent wait (67 ms at the demo's 30), so agent 101 is not paused for not answering on a busy machine.
        var options = new Demo.Options(600, Duration.ofSeconds(60), 10, 5, Instant.parse("2026-11-24T17:45:00Z"),
                out, prefix);
        var config = Demo.config(prefix);
        var simulator = new AtomicReference<PbxSimulator>();
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        try (var redis = DevRedis.provision(); var jedis = new JedisPooled(redis.uri())) {
            try (var engine = Engine.start(config, new ScaledClock(options.start(), options.speed()),
                    new ScaledPause(options.speed()), redis,
                    // Agents' phones all answer here: agent 101 must get a call; the demo has phones that do not.
                    port -> Demo.startSimulator(simulator, port, options, config,
                            Population.defaults().withAgents(List.of())))) {
                Demo.importAccounts(engine, options, quiet);
                var http = Demo.opsConfig(0, config);
                var base = "http://127.0.0.1:" + engine.startOpsServer(http).port() + "/";
                var opsToken = token(http.tokens(), Principal.operations());
                var agentToken = token(http.tokens(), Principal.agent(new AgentId("101")));
                var driver = HeadlessChromium.start(profile, 1000);
                try {
                    var wait = new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofMillis(200));
                    driver.get(base + "#token=" + opsToken);
                    wait.until(d -> !d.findElements(By.cssSelector(".campaign[data-id=desk] button.start")).isEmpty());
                    for (var id : List.of("reminders", "desk")) {
                        wait.until(d -> click(d, ".campaign[data-id=" + id + "] button.start"));
                    }
                    wait.until(d -> number(d, "reminders", "dials") > 0);
                    var dashboard = driver.getWindowHandle();

                    driver.switchTo().newWindow(WindowType.TAB);
                    driver.get(base + "agent.html");
                    driver.findElement(By.id("agent")).sendKeys("101");
                    driver.findElement(By.id("token")).sendKeys(agentToken);
                    driver.findElement(By.id("login")).click();
                    wait.until(d -> !d.findElements(By.id("pop-account")).isEmpty());
                    var callId = driver.findElement(By.id("pop-body")).getAttribute("data-call");
                    var shown = driver.findElement(By.id("pop-account")).getText();
                    var bridged = engine.desk().call(callId).orElseThrow();
                    assertEquals(bridged.account().id().value(), shown);
                    assertEquals(new AgentId("101"), bridged.agent());
                    HeadlessChromium.screenshot(driver, shots.resolve("agent-desk.png"));
                    var tomorrow = engine.clock().instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
                    ((JavascriptExecutor) driver).executeScript(
                            "document.getElementById('payBy').value = arguments[0];", tomorrow.toString());
                    driver.findElement(By.id("dispose")).click();
                    wait.until(d -> d.findElement(By.id("error")).getText().equals("recorded"));
                    HeadlessChromium.assertNoPolicyViolation(driver);

                    driver.switchTo().window(dashboard);
                    wait.until(d -> number(d, "desk", "promises") >= 1);
                    HeadlessChromium.screenshot(driver, shots.resolve("dashboard.png"));
                    HeadlessChromium.assertNoPolicyViolation(driver);
                    assertTrue(engine.promises().all().stream()
                            .anyMatch(p -> p.account().equals(new AccountId(shown)) && p.callId().equals(callId)));
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

    private static String token(java.util.Map<String, Principal> tokens, Principal who) {
        return tokens.entrySet().stream().filter(e -> e.getValue().equals(who)).findFirst().orElseThrow().getKey();
    }

    /** Clicks the button if it is there; a re-render between finding and clicking just means trying again. */
    private static boolean click(WebDriver driver, String css) {
        try {
            driver.findElement(By.cssSelector(css)).click();
            return driver.findElement(By.cssSelector(css.replace(" button.start", " .state"))).getText().equals("RUNNING");
        } catch (org.openqa.selenium.WebDriverException e) {
            return false;
        }
    }

    private static long number(WebDriver driver, String campaign, String figure) {
        try {
            return Long.parseLong(driver.findElement(By.cssSelector(".campaign[data-id=" + campaign + "] ." + figure))
                    .getText().strip());
        } catch (org.openqa.selenium.WebDriverException | NumberFormatException e) {
            return -1;
        }
    }
}
