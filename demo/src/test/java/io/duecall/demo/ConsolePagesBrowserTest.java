package io.duecall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.domain.account.AccountId;
import io.duecall.engine.Engine;
import io.duecall.engine.ScaledClock;
import io.duecall.engine.ScaledPause;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import redis.clients.jedis.JedisPooled;

/**
 * The operations console's pages (campaigns, lists, supervisor board, promise book) in headless Chromium against the
 * demo wiring, as a floor manager uses them; each page's screenshot goes to docs/screenshots/ for the README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesBrowserTest {
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
        HeadlessChromium.assumeInstalled();
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
        driver = HeadlessChromium.start(work.resolve("profile"), 1000);
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
    @Order(1)
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

        // From an empty form, so that the wait below sees the stored definition arrive, not the form as it was.
        driver.findElement(By.id("new")).click();
        wait.until(d -> "New campaign".equals(text("#editor-title")) && click("#list tr[data-id=console] button.edit"));
        wait.until(d -> "Edit campaign console".equals(text("#editor-title"))
                && "5".equals(field("channelLimit").getDomProperty("value")));
        type("name", "Console reminders");
        driver.findElement(By.id("save")).click();
        wait.until(d -> engine.dialer().campaigns().stream()
                .anyMatch(c -> c.id().equals(new CampaignId("console")) && c.name().equals("Console reminders")));
        wait.until(d -> click("#list tr[data-id=desk] button.edit"));
        wait.until(d -> text("#editor-title").startsWith("Campaign desk (from the configuration file: read-only"));
        assertTrue(!field("companyName").isEnabled() && !driver.findElement(By.id("save")).isDisplayed());
        HeadlessChromium.assertNoPolicyViolation(driver);
    }

    @Test
    @Order(2)
    void accountsFileWithABadLineIsTabledAndStoresNothingAndAGoodOneUploadsToTheEnd() throws Exception {
        var console = new CampaignId("console");
        var bad = work.resolve("bad-accounts.csv");
        Files.writeString(bad, """
                account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due
                B-1,Dana Example,mobile:+12125550100,America/New_York,125.50,USD,2026-11-01,23
                B-2,Lee Example,mobile:+12125550101,America/New_York,12.345,USD,2026-11-01,23
                """);
        var good = work.resolve("accounts.csv");
        try (var writer = Files.newBufferedWriter(good)) {
            DemoAccounts.write(writer, "console", 2000, 1, 29, LocalDate.of(2026, 11, 24), 11);
            // A number of no zone, with no time_zone given: stored, and reported as one that can never be dialed.
            writer.write("console-99999,Pat Example,mobile:+80012345678,,40.00,USD,2026-11-01,23\n");
        }
        driver.get(base + "lists.html#token=" + opsToken);
        wait.until(d -> !d.findElements(By.cssSelector("#campaign option[value=console]")).isEmpty());
        new Select(driver.findElement(By.id("campaign"))).selectByValue("console");

        driver.findElement(By.id("accounts-file")).sendKeys(bad.toString());
        driver.findElement(By.cssSelector("#accounts button")).click();
        wait.until(d -> text("#status").contains("nothing was stored"));
        assertEquals("file rejected, 1 problem; nothing was stored", text("#status"));
        assertEquals(List.of("3", "amount_due", "12.345"), cells("#problems tbody tr").subList(0, 3));
        assertTrue(engine.accounts().find(new AccountId("B-1")).isEmpty());
        screenshot("lists-rejected.png");

        var tooLarge = work.resolve("too-large.csv");
        try (var writer = Files.newBufferedWriter(tooLarge)) {
            DemoAccounts.write(writer, "large", 60_000, 1, 29, LocalDate.of(2026, 11, 24), 12);
        }
        assertTrue(Files.size(tooLarge) > 4 * 1024 * 1024);
        driver.findElement(By.id("accounts-file")).clear();
        driver.findElement(By.id("accounts-file")).sendKeys(tooLarge.toString());
        driver.findElement(By.cssSelector("#accounts button")).click();
        wait.until(d -> text("#status").endsWith("nothing was stored") && text("#file-name").startsWith("too-large"));
        assertTrue(engine.accounts().find(new AccountId("large-00001")).isEmpty());

        driver.findElement(By.id("accounts-file")).clear();
        driver.findElement(By.id("accounts-file")).sendKeys(good.toString());
        driver.findElement(By.cssSelector("#accounts button")).click();
        wait.until(d -> "true".equals(d.findElement(By.id("progress")).getDomAttribute("data-done")));
        assertTrue(text("#status").startsWith("imported 2001 accounts into console; warning: 1 numbers can never be "
                + "dialed by the campaign's rules (NO_ZONE 1)"), text("#status"));
        assertEquals(List.of("2002", "phones", "+80012345678"), cells("#problems tbody tr").subList(0, 3));
        assertEquals("1", driver.findElement(By.id("progress")).getDomProperty("value"));
        assertTrue(engine.accounts().find(new AccountId("console-00001")).isPresent());
        screenshot("lists.png");

        var dnc = work.resolve("dnc.csv");
        Files.writeString(dnc, "number\n+12125550100\n+12125550101\n");
        driver.findElement(By.id("dnc-file")).sendKeys(dnc.toString());
        driver.findElement(By.cssSelector("#dnc button")).click();
        wait.until(d -> text("#status").startsWith("listed "));
        assertEquals("listed 2 numbers as dnc (0 already listed)", text("#status"));
        HeadlessChromium.assertNoPolicyViolation(driver);
        assertTrue(engine.dialer().campaigns().stream().anyMatch(c -> c.id().equals(console)));
    }

    @Test
    @Order(3)
    void boardShowsEachAgentsStateAndCallLiveAndHighlightsAnAgentPausedTooLong() throws Exception {
        for (var agent : List.of("101", "102", "103")) {
            assertEquals(200, post("/api/agents/" + agent + "/login", null));
        }
        assertEquals(200, post("/api/agents/103/pause", "{\"reason\":\"coaching\"}"));
        assertEquals(200, post("/api/campaigns/desk/start", null));
        driver.get(base + "board.html#token=" + opsToken);
        wait.until(d -> !d.findElements(By.cssSelector("#agents tr[data-agent='103']")).isEmpty());
        var pausedLimit = driver.findElement(By.cssSelector("#limit-fields input[data-state=PAUSED]"));
        pausedLimit.clear();
        pausedLimit.sendKeys("0.5", Keys.TAB);

        wait.until(d -> text("#agents tr[data-agent='103']").contains("coaching")
                && hasClass("#agents tr[data-agent='103']", "late"));
        wait.until(d -> d.findElements(By.cssSelector("#agents tr.agent-row")).stream().anyMatch(row ->
                row.getText().contains("ON_CALL") && row.findElement(By.className("call-campaign")).getText().equals("desk")
                        && row.findElement(By.className("call-duration")).getText().matches("\\d+:\\d\\d")));
        assertEquals(10, driver.findElements(By.cssSelector("#agents tr.agent-row")).size());
        screenshot("board.png");
        HeadlessChromium.assertNoPolicyViolation(driver);
    }

    @Test
    @Order(4)
    void promiseBookShowsRunningAndBrokenPromisesWithTheirHistoryAndAnOperatorCancelsOne() throws Exception {
        assertEquals(200, post("/api/campaigns/reminders/start", null));
        wait.until(d -> engine.promises().statuses().stream().anyMatch(s -> s.state() == PromiseState.OPEN));
        var running = engine.promises().statuses().stream().filter(s -> s.state() == PromiseState.OPEN).findFirst()
                .orElseThrow().promise();
        // A promise the daily sweep found broken: its date passed with nothing paid.
        var now = engine.clock().instant();
        var broken = new PromiseToPay("broken-1", running.account(), running.campaign(), running.amount(),
                LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(3), now.minus(Duration.ofDays(5)));
        engine.promises().record(broken);
        assertTrue(engine.promises().update(PromiseStatus.open(broken), new PromiseStatus(broken, PromiseState.BROKEN,
                new Money(0, broken.amount().currency()), now)));

        driver.get(base + "promises.html#token=" + opsToken);
        var row = "#running tr[data-call='" + running.callId() + "']";
        wait.until(d -> !d.findElements(By.cssSelector(row)).isEmpty());
        assertTrue(text("#broken tr[data-call='broken-1']").contains(running.account().value()));
        driver.findElement(By.cssSelector(row + " button.show")).click();
        wait.until(d -> text("#history-title").contains(running.callId()) && text("#history-title").endsWith("OPEN"));
        assertTrue(text("#history-account").contains("(" + running.account().value() + ") owes"));
        assertTrue(driver.findElements(By.cssSelector("#attempts tr")).size() >= 1);

        driver.findElement(By.id("cancel-button")).click();
        wait.until(d -> text("#cancel-error").startsWith("reason: ''"));
        driver.findElement(By.id("reason")).sendKeys("debtor disputes the amount");
        driver.findElement(By.id("cancel-button")).click();
        wait.until(d -> text("#history-title").endsWith("CANCELLED (debtor disputes the amount)"));
        var status = engine.promises().status(running.callId()).orElseThrow();
        assertEquals(PromiseState.CANCELLED, status.state());
        assertEquals("debtor disputes the amount", status.note());
        wait.until(d -> d.findElements(By.cssSelector(row)).isEmpty());
        scrollTo("body");
        screenshot("promises.png");
        HeadlessChromium.assertNoPolicyViolation(driver);
    }

    /** An API call with the operations token; returns the status. */
    private int post(String path, String json) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path.substring(1)))
                .header("Authorization", "Bearer " + opsToken).header("Content-Type", "application/json")
                .POST(json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            return client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private boolean hasClass(String css, String name) {
        try {
            return List.of(driver.findElement(By.cssSelector(css)).getDomAttribute("class").split(" ")).contains(name);
        } catch (WebDriverException e) {
            return false;
        }
    }

    private List<String> cells(String rowCss) {
        return driver.findElements(By.cssSelector(rowCss + " td")).stream().map(e -> e.getText().strip()).toList();
    }

    private org.openqa.selenium.WebElement field(String key) {
        return driver.findElement(By.cssSelector(".field[data-key='" + key + "'] [name]"));
    }

    private void type(String key, String value) {
        var field = field(key);
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
        HeadlessChromium.screenshot(driver, shots.resolve(name));
    }
}
