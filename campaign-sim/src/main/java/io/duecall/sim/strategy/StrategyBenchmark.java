package io.duecall.sim.strategy;

import io.duecall.adapter.quartz.QuartzHolidayCalendar;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.WeeklyWindows;
import io.duecall.sim.habits.Habits;
import io.duecall.sim.portfolio.DebtorBehaviour;
import io.duecall.sim.portfolio.PortfolioSimulation;
import io.duecall.sim.year.YearPopulation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./duecall strategy-benchmark}: when to call debtors who were not reached. The same portfolio, days and people
 * (each seed's population and hidden habits, {@code sim/habits.yaml}) run through the real engine once per strategy:
 * the first permitted instant, the fixed peak windows, the learned best time, a model that knows the kinds of people's
 * true habits but infers each account's kind from its calls (what learning habit shapes could reach at best), and an
 * oracle that knows every person's true habits (the ceiling). Prints each figure's mean with its 95% interval over the seeds, writes a CSV
 * and a plot, and exits non-zero if any run broke a rule.
 */
public final class StrategyBenchmark {
    static final CampaignId CAMPAIGN = new CampaignId("reminders");

    /** What to run: days per run, seeds, accounts at the start and arriving each day, channels, where to write. */
    public record Options(int days, int seeds, int accounts, int arrivalsPerDay, int channels, Path out) {
        public Options {
            if (days < 7 || seeds < 1 || accounts < 1 || arrivalsPerDay < 0 || channels < 1) {
                throw new IllegalArgumentException("strategy-benchmark: --days " + days + " --seeds " + seeds
                        + " --accounts " + accounts + " (expected at least 7 days, 1 seed, 1 account, 1 channel)");
            }
        }

        public static Options defaults() {
            return new Options(30, 3, 500, 20, 20, Path.of("run"));
        }
    }

    private StrategyBenchmark() {}

    public static Map<Strategy, List<StrategyRun>> run(Options o, PrintStream progress) {
        var from = LocalDate.of(2026, 3, 2);
        var start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        var campaign = new Campaign(CAMPAIGN, "Reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(),
                "Acme Lending", "18005550100", o.channels(), Duration.ofSeconds(25), Duration.ofSeconds(2),
                Duration.ofMinutes(10), 3);
        var base = ContactRules.defaults().withWindow(WeeklyWindows.every(campaign.window()));
        var habits = Habits.defaults();
        var runs = new EnumMap<Strategy, List<StrategyRun>>(Strategy.class);
        for (int s = 0; s < o.seeds(); s++) {
            long seed = 1000 + s;
            var initial = new YearPopulation(seed).draw(o.accounts(), from);
            var firstDay = initial.stream().map(a -> a.id().value()).collect(Collectors.toSet());
            for (var strategy : Strategy.values()) {
                // Common random numbers: each strategy meets the same accounts, arrivals and people.
                var arrivals = new YearPopulation(seed + 7919);
                var report = PortfolioSimulation.run(new PortfolioSimulation.Setup(start, o.days(), campaign,
                        strategy.rules(base), new QuartzHolidayCalendar(Set.of()), initial,
                        day -> arrivals.draw(o.arrivalsPerDay(), from.plusDays(day)), List.of(),
                        DebtorBehaviour.defaults(), 0.3, Duration.ofMinutes(1), seed, habits,
                        (pbx, store) -> strategy.scheduler(CAMPAIGN, store, pbx)));
                var run = StrategyRun.of(strategy, seed, report, firstDay, start);
                runs.computeIfAbsent(strategy, k -> new ArrayList<>()).add(run);
                progress.printf("seed %d %-24s %5d dials, %4d right-party contacts, %d violations (%.1f s)%n", seed,
                        strategy.label(), run.dials(), run.rightParty(), run.violations(),
                        report.wallTime().toMillis() / 1000.0);
            }
        }
        return runs;
    }

    public static void main(String[] args) throws IOException {
        var o = parse(args);
        var out = System.out;
        out.printf("Strategy benchmark: %d days, %d seeds, %d accounts (+%d a day), %d channels; people answer by"
                + " hidden habits (sim/habits.yaml)%n", o.days(), o.seeds(), o.accounts(), o.arrivalsPerDay(), o.channels());
        var runs = run(o, out);
        var rows = StrategyReport.rows(runs);
        out.println();
        StrategyReport.print(rows, out);
        var csv = o.out().resolve("strategy-benchmark.csv");
        var png = o.out().resolve("strategy-benchmark.png");
        java.nio.file.Files.createDirectories(o.out());
        StrategyReport.writeCsv(rows, csv);
        StrategyReport.writePlot(rows, png);
        out.printf("%nWritten %s and %s%n", csv, png);
        long violations = runs.values().stream().flatMap(List::stream).mapToLong(StrategyRun::violations).sum();
        System.exit(violations == 0 ? 0 : 1);
    }

    static Options parse(String[] args) {
        var o = Options.defaults();
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + ": missing its value");
            }
            var value = args[++i];
            o = switch (args[i - 1]) {
                case "--days" -> new Options(Integer.parseInt(value), o.seeds(), o.accounts(), o.arrivalsPerDay(),
                        o.channels(), o.out());
                case "--seeds" -> new Options(o.days(), Integer.parseInt(value), o.accounts(), o.arrivalsPerDay(),
                        o.channels(), o.out());
                case "--accounts" -> new Options(o.days(), o.seeds(), Integer.parseInt(value), o.arrivalsPerDay(),
                        o.channels(), o.out());
                case "--out" -> new Options(o.days(), o.seeds(), o.accounts(), o.arrivalsPerDay(), o.channels(),
                        Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]
                        + " (expected --days, --seeds, --accounts or --out)");
            };
        }
        return o;
    }
}
