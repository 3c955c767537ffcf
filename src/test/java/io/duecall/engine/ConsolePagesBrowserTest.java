package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.web.Principal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import redis.clients.jedis.JedisPooled;

/**
 * The operations console's pages (campaigns, lists, supervisor board, promise book) in headless Chromium against the
 * demo wiring, as a floor manager uses them; each page's screenshot goes to docs/screenshots/ for the README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private final String prefix = "duecall-console-" + UUID.randomUUID();
    private final AtomicReference<PbxSimulator> simulator = new AtomicReference<>();
    private AutoCloseable redis;
    private JedisPooled jedis;
    private Engine engine;
    private WebDriver driver;
    private WebDriverWait wait;
    private String base;
    private String opsToken;
    private Path shots;
    private Path work;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: needs Debian's chromium (" + CHROMIUM + ") and chromium-driver ("
                        + CHROMEDRIVER + "); install them with apt-get install chromium chromium-driver");
        shots = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("docs/screenshots");
        Files.createDirectories(shots);
        work = Files.createTempDirectory("duecall-console-");
        var options = new Demo.Options(60, Duration.ofSeconds(60), 10, 5, Instant.parse("2026-11-24T17:45:00Z"),
                work, prefix);
        var config = Demo.config(prefix);
        var provisioned = DevRedis.provision();
        redis = provisioned;
        jedis = new JedisPooled(provisioned.uri());
        engine = Engine.start(config, new ScaledClock(options.start(), options.speed()),
                new ScaledPause(options.speed()), provisioned,
                port -> Demo.startSimulator(simulator, port, options, config,
                        Population.defaults().withAgents(List.of())));
        Demo.importAccounts(engine, options, new PrintStream(OutputStream.nullOutputStream()));
        var http = Demo.opsConfig(0, config);
        base = "http://127.0.0.1:" + engine.startOpsServer(http).port() + "/";
        opsToken = http.tokens().entrySet().stream().filter(e -> e.getValue().equals(Principal.operations()))
                .findFirst().orElseThrow().getKey();
        driver = chromium(work.resolve("profile"));
        wait = new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofMillis(200));
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (engine != null) {
            engine.stopCampaigns();
            engine.close();
        }
        if (simulator.get() != null) {
            simulator.get().close();
        }
        if (jedis != null) {
            KeyspaceCleaner.deleteAll(jedis, prefix);
            jedis.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (work != null) {
            io.duecall.devsupport.DirectoryTrees.delete(work);
        }
    }

    @Test
    void campaignWithABadFieldShowsTheErrorBesideItAndOnceFixedIsCreatedAndStarted() throws Exception {
        driver.get(base + "campaigns.html#token=" + opsToken);
        wait.until(d -> !d.findElements(By.cssSelector("#list tr[data-id=desk]")).isEmpty());
        assertTrue(text("#list tr[data-id=desk]").contains("configuration file"));
        assertTrue(text(".field[data-key=channelLimit] .default").contains("default: 30"));

        type("id", "console");
        type("companyName", "Northwind Lending");
        type("callbackNumber", "18005550199");
        type("channelLimit", "0");
        new Select(driver.findElement(By.cssSelector(".field[data-key='pacing.mode'] select"))).selectByVisibleText("agentless");
        driver.findElement(By.id("save")).click();
        wait.until(d -> text(".field[data-key=channelLimit] .field-error").contains("channelLimit: 0 (expected > 0)"));
        assertEquals("", text(".field[data-key=companyName] .field-error"));
        assertTrue(engine.dialer().campaigns().stream().noneMatch(c -> c.id().equals(new CampaignId("console"))));
        scrollTo(".field[data-key=channelLimit]");
        screenshot("campaigns-error.png");

        type("channelLimit", "5");
        driver.findElement(By.id("save")).click();
        wait.until(d -> text("#saved").equals("saved console"));
        wait.until(d -> !d.findElements(By.cssSelector("#list tr[data-id=console]")).isEmpty());
        assertEquals(5, engine.dialer().campaigns().stream().filter(c -> c.id().equals(new CampaignId("console")))
                .findFirst().orElseThrow().channelLimit());
        wait.until(d -> click("#list tr[data-id=console] button.start")
                && text("#list tr[data-id=console] .state").equals("RUNNING"));
        scrollTo("body");
        screenshot("campaigns.png");
        assertNoPolicyViolation();
    }

    private void type(String key, String value) {
        var field = driver.findElement(By.cssSelector(".field[data-key='" + key + "'] [name]"));
        field.clear();
        field.sendKeys(value);
    }

    private void scrollTo(String css) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", css);
    }

    private String text(String css) {
        try {
            return driver.findElement(By.cssSelector(css)).getText().strip();
        } catch (WebDriverException e) {
            return "";
        }
    }

    /** Clicks if it is there; a re-render between finding and clicking just means trying again. */
    private boolean click(String css) {
        try {
            driver.findElement(By.cssSelector(css)).click();
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    private void screenshot(String name) throws java.io.IOException {
        var file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), shots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The pages run under the server's content security policy: nothing they use may have been refused. */
    private void assertNoPolicyViolation() {
        var refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(e -> e.getMessage())
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
        assertEquals(List.of(), refused);
    }

    private static WebDriver chromium(Path profile) {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
