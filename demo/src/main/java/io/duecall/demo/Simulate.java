package io.duecall.demo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.csv.AttemptCsvWriter;
import io.duecall.adapter.csv.NumberListCsvReader;
import io.duecall.adapter.csv.PromiseCsvWriter;
import io.duecall.adapter.quartz.QuartzHolidayCalendar;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.window.WeeklyWindows;
import io.duecall.common.ProgressReporter;
import io.duecall.engine.CsvOutput;
import io.duecall.engine.Main;
import io.duecall.engine.ConfigFile;
import io.duecall.engine.PluggedCommand;
import io.duecall.engine.config.ConfigException;
import io.duecall.engine.config.ConfigYaml;
import io.duecall.engine.config.EngineConfig;
import io.duecall.sim.portfolio.DebtorBehaviour;
import io.duecall.sim.portfolio.PortfolioSimulation;
import io.duecall.sim.portfolio.SimulationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./duecall simulate}: an operator's own portfolio run through the real engine in virtual time (the same
 * eligibility, pacing, IVR flow and ledger code that runs live) against the simulated PBX, with the configuration's
 * campaign rules and holidays, then audited rule by rule. Writes {@code ledger.csv}, {@code promises.csv} and
 * {@code audit.txt} to the output directory; exits 1 when the audit finds a violation.
 */
@Command(name = "simulate", description = "run the portfolio through the real engine in virtual time against the simulated "
                + "PBX (the configuration's rules and holidays; 60 days by default), write "
                + "ledger.csv, promises.csv and audit.txt, and print the audit")
public final class Simulate implements PluggedCommand {
    /**
     * The simulated people: {@link DebtorBehaviour}'s shares, the share of promises broken and the seed. Every key is
     * optional.
     */
    record PopulationSettings(Double answerRate, Double machineShare, Double busyShare, Double failedShare,
            Double wrongPartyShare, Double hangUpAtGreetingShare, Double promiseShare, Double optOutShare,
            Double hangUpAfterAmountShare, Double brokenPromiseShare, Long seed) {

        DebtorBehaviour behaviour() {
            return new DebtorBehaviour(answerRate, machineShare, busyShare, failedShare, wrongPartyShare,
                    hangUpAtGreetingShare, promiseShare, optOutShare, hangUpAfterAmountShare);
        }

        static PopulationSettings defaults() {
            return new PopulationSettings(null, null, null, null, null, null, null, null, null, null, null);
        }

        static PopulationSettings read(Path file) throws IOException {
            try {
                return ConfigYaml.strict(new ObjectMapper(new YAMLFactory()))
                        .readValue(Files.readAllBytes(file), PopulationSettings.class);
            } catch (JacksonException e) {
                throw new ConfigException(file + ": " + ConfigYaml.describe(e));
            }
        }
    }

    private PrintStream out = System.out;
    @Mixin
    ConfigFile config;
    @Option(names = "--accounts", required = true, paramLabel = "CSV", description = "the portfolio (an accounts file)")
    Path accountsFile;
    @Option(names = "--start", required = true, paramLabel = "INSTANT", description = "the first simulated instant")
    Instant start;
    @Option(names = "--days", defaultValue = "60", paramLabel = "N", description = "days to simulate (default: ${DEFAULT-VALUE})")
    int days;
    @Option(names = "--suppress", paramLabel = "CSV", description = "a do-not-call list arriving during the run")
    Path suppressFile;
    @Option(names = "--suppress-after-days", defaultValue = "0", paramLabel = "N",
            description = "the day it arrives (default: ${DEFAULT-VALUE})")
    int suppressAfter;
    @Option(names = "--population", paramLabel = "YAML", description = "the simulated debtors' behaviour")
    Path populationFile;
    @Option(names = "--campaign", paramLabel = "ID", description = "the configured campaign (default: the first)")
    String campaignName;
    @Option(names = "--region", paramLabel = "CC", description = "the country of numbers written without +")
    String region;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where ledger.csv, promises.csv and audit.txt go")
    Path outDir;

    @Override
    public void printTo(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        var config = this.config.load();
        if (days < 1 || days > 3660) {
            throw new Main.UsageException("--days: " + days + " (expected 1 to 3660)");
        }
        if (suppressAfter < 0 || suppressAfter >= days) {
            throw new Main.UsageException("--suppress-after-days: " + suppressAfter + " (expected 0 to " + (days - 1) + ")");
        }
        var campaigns = config.campaigns().list();
        var campaign = campaignName == null ? campaigns.getFirst() : campaigns.stream()
                .filter(c -> c.id().equals(new CampaignId(campaignName))).findFirst()
                .orElseThrow(() -> new Main.UsageException("campaign '" + campaignName + "' is not in the configuration"));
        if (campaign.mode() != io.duecall.domain.campaign.CampaignMode.IVR_REMINDER) {
            throw new Main.UsageException("campaign '" + campaign.id() + "' has mode " + campaign.mode()
                    + " (expected IVR_REMINDER: the simulated PBX has no agents; pick one with --campaign)");
        }
        var rules = config.campaigns().rules().getOrDefault(campaign.id(),
                ContactRules.defaults().withWindow(WeeklyWindows.every(campaign.window())));
        var accounts = new AccountCsvReader(region, config.imports()).read(accountsFile);
        var listings = suppressFile == null ? List.<PortfolioSimulation.Listing>of()
                : List.of(new PortfolioSimulation.Listing(start.plus(Duration.ofDays(suppressAfter)),
                        java.util.Set.copyOf(new NumberListCsvReader(region).read(suppressFile)),
                        "file:" + suppressFile.getFileName()));
        var population = populationFile == null ? PopulationSettings.defaults()
                : PopulationSettings.read(populationFile);
        var setup = new PortfolioSimulation.Setup(start, days, campaign, rules,
                new QuartzHolidayCalendar(config.scheduler().holidayDates()), accounts, day -> List.of(), listings,
                population.behaviour(), population.brokenPromiseShare() == null ? 0.4 : population.brokenPromiseShare(),
                Duration.ofMinutes(1), population.seed() == null ? 1 : population.seed());
        SimulationReport report;
        try (var progress = ProgressReporter.on(out, "simulate " + days + " days", days)) {
            report = PortfolioSimulation.run(setup, progress::update);
        }
        write(outDir, report);
        report.print(out);
        out.printf("%nWrote %s, %s and %s%n", outDir.resolve("ledger.csv"), outDir.resolve("promises.csv"),
                outDir.resolve("audit.txt"));
        return report.violationCount() == 0 && report.callsInFlight() == 0 ? 0 : 1;
    }

    private static void write(Path dir, SimulationReport report) throws IOException {
        Files.createDirectories(dir);
        CsvOutput.write(dir.resolve("ledger.csv"), w -> new AttemptCsvWriter().write(report.ledger(), w));
        CsvOutput.write(dir.resolve("promises.csv"), w -> new PromiseCsvWriter().write(report.promiseList(), w));
        var audit = new ByteArrayOutputStream();
        try (var print = new PrintStream(audit, true, StandardCharsets.UTF_8)) {
            report.print(print);
        }
        Files.write(dir.resolve("audit.txt"), audit.toByteArray());
    }
}
