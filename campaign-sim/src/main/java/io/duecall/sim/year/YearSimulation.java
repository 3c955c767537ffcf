package io.duecall.sim.year;

import io.duecall.app.ProgressListener;
import io.duecall.common.ProgressReporter;
import io.duecall.adapter.quartz.QuartzHolidayCalendar;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.WeeklyWindows;
import io.duecall.sim.portfolio.DebtorBehaviour;
import io.duecall.sim.portfolio.PortfolioSimulation;
import io.duecall.sim.portfolio.SimulationReport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;


/**
 * A campaign run for many days in virtual time through the real engine (the same eligibility, pacing, IVR flow and
 * ledger code that runs live) against a generated population, then audited from its own ledger, rule by rule: the
 * preset of {@link PortfolioSimulation} that {@code ./duecall simulate-year} runs.
 */
public final class YearSimulation {
    static final CampaignId CAMPAIGN = new CampaignId("reminders");

    /** What to simulate; {@code tick} is how often the dial cycle runs. */
    public record Options(LocalDate from, int days, int initialAccounts, int newAccountsPerDay, int channels,
            double answerRate, double brokenPromiseShare, Duration tick, Set<LocalDate> holidays, long seed) {
        public Options {
            if (days <= 0 || initialAccounts < 0 || newAccountsPerDay < 0 || channels <= 0) {
                throw new IllegalArgumentException("days, accounts and channels must be positive: " + days + ", "
                        + initialAccounts + ", " + newAccountsPerDay + ", " + channels);
            }
        }

        public int maxCallsPerContact() {
            return ContactRules.defaults().contacts().maxCallsPerContact();
        }

        /** A year from 1 January 2026 with US, UK and Indian public holidays and every 2026 DST change in it. */
        public static Options year() {
            var holidays = Set.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 26), LocalDate.of(2026, 5, 25),
                    LocalDate.of(2026, 7, 3), LocalDate.of(2026, 8, 15), LocalDate.of(2026, 9, 7),
                    LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
            return new Options(LocalDate.of(2026, 1, 1), 365, 1_500, 40, 30, 0.45, 0.4, Duration.ofMinutes(1),
                    holidays, 2026);
        }
    }

    private YearSimulation() {}

    /** The year's preset of a {@link PortfolioSimulation}: the generated population, arriving day by day. */
    public static SimulationReport run(Options o) {
        return run(o, ProgressListener.NONE);
    }

    /** As above, telling {@code progress} of each simulated day done. */
    public static SimulationReport run(Options o, ProgressListener progress) {
        var campaign = new Campaign(CAMPAIGN, "Simulated reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(),
                "Acme Lending", "18005550100", o.channels(), Duration.ofSeconds(25), Duration.ofSeconds(2),
                Duration.ofMinutes(10), 3);
        var rules = ContactRules.defaults().withWindow(WeeklyWindows.every(campaign.window()));
        var population = new YearPopulation(o.seed());
        var initial = population.draw(o.initialAccounts(), o.from());
        return PortfolioSimulation.run(new PortfolioSimulation.Setup(o.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                o.days(), campaign, rules, new QuartzHolidayCalendar(o.holidays()), initial,
                day -> population.draw(o.newAccountsPerDay(), o.from().plusDays(day)), List.of(),
                DebtorBehaviour.defaults().withAnswerRate(o.answerRate()), o.brokenPromiseShare(), o.tick(), o.seed()),
                progress);
    }

    public static void main(String[] args) {
        var o = Options.year();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o = switch (args[i]) {
                case "--days" -> new Options(o.from(), Integer.parseInt(args[i + 1]), o.initialAccounts(),
                        o.newAccountsPerDay(), o.channels(), o.answerRate(), o.brokenPromiseShare(), o.tick(),
                        o.holidays(), o.seed());
                case "--seed" -> new Options(o.from(), o.days(), o.initialAccounts(), o.newAccountsPerDay(),
                        o.channels(), o.answerRate(), o.brokenPromiseShare(), o.tick(), o.holidays(),
                        Long.parseLong(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (expected --days or --seed)");
            };
        }
        SimulationReport report;
        try (var progress = ProgressReporter.on(System.out, "simulate-year " + o.days() + " days", o.days())) {
            report = run(o, progress::update);
        }
        report.print(System.out);
        System.exit(report.violationCount() == 0 && report.callsInFlight() == 0 ? 0 : 1);
    }
}
