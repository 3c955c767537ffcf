package io.duecall.sim.year;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.quartz.QuartzHolidayCalendar;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.app.AgentPool;
import io.duecall.app.ComplianceAudit;
import io.duecall.app.DialerEngine;
import io.duecall.domain.account.Account;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.WeeklyWindows;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A campaign run for many days in virtual time through the real engine (the same eligibility, pacing and ledger code
 * that runs live) against a simulated population, then audited from its own ledger, rule by rule.
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

    public static YearReport run(Options o) {
        long wallStart = System.nanoTime();
        var start = o.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        var clock = new VirtualClock(start);
        var accounts = new InMemoryAccountStore();
        var ledger = new InMemoryAttemptLedger();
        var promises = new InMemoryPromiseStore();
        var pbx = new VirtualPbx(clock, o.seed(), o.answerRate());
        var holidays = new QuartzHolidayCalendar(o.holidays());
        var campaign = new Campaign(CAMPAIGN, "Simulated reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(),
                "Acme Lending", "18005550100", o.channels(), Duration.ofSeconds(25), Duration.ofSeconds(2),
                Duration.ofMinutes(10), 3);
        var rules = ContactRules.defaults().withWindow(WeeklyWindows.every(campaign.window()));
        var engine = new DialerEngine(clock, clock::advance, accounts, ledger, promises, new InMemorySuppressionStore(),
                pbx, new AgentPool(List.of(), Duration.ZERO, new InMemoryAgentRoster(), ""), List.of(campaign), 10, holidays, Map.of(CAMPAIGN, rules));
        pbx.answerWith(engine);
        var population = new YearPopulation(o.seed());
        var returning = new TreeMap<LocalDate, List<Account>>();
        var random = new Random(o.seed() + 1);
        int seenLines = 0;
        int imported = 0;
        for (int d = 0; d < o.days(); d++) {
            var day = o.from().plusDays(d);
            var dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            var arrivals = new ArrayList<>(population.draw(d == 0 ? o.initialAccounts() : o.newAccountsPerDay(), day));
            arrivals.addAll(returning.getOrDefault(day, List.of()));
            returning.remove(day);
            accounts.importAccounts(CAMPAIGN, arrivals, dayStart);
            imported += arrivals.size();
            var dayEnd = dayStart.plus(Duration.ofDays(1));
            for (var t = dayStart; t.isBefore(dayEnd); t = t.plus(o.tick())) {
                pbx.runUntil(t);
                engine.tick(CAMPAIGN);
            }
            // A share of promises is broken: the account comes back a few days after the promised date.
            var lines = ledger.readAll();
            for (int i = seenLines; i < lines.size(); i++) {
                var line = lines.get(i);
                if (line.promiseDate() != null && random.nextDouble() < o.brokenPromiseShare()) {
                    accounts.find(line.account()).ifPresent(a ->
                            returning.computeIfAbsent(line.promiseDate().plusDays(2), k -> new ArrayList<>()).add(a));
                }
            }
            seenLines = lines.size();
        }
        pbx.runUntil(o.from().plusDays(o.days()).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(1)));
        var ledgerLines = ledger.readAll();
        var violations = ComplianceAudit.audit(ledgerLines, rules, holidays);
        var locationCalls = ledgerLines.stream().filter(Attempt::locationCall).toList();
        int contactsCalled = (int) locationCalls.stream().map(a -> a.account().value() + " " + a.number()).distinct().count();
        return new YearReport(o, imported, ledgerLines.size(), promises.all().size(), pbx.peakUp(),
                locationCalls.size(), contactsCalled,
                engine.callsInFlight(), engine.figures(CAMPAIGN).deferralsByReason(),
                engine.figures(CAMPAIGN).skipsByReason(), violations,
                Duration.ofNanos(System.nanoTime() - wallStart));
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
        var report = run(o);
        report.print(System.out);
        System.exit(report.violationCount() == 0 && report.callsInFlight() == 0 ? 0 : 1);
    }
}
