package io.duecall.sim.portfolio;

import io.duecall.app.ProgressListener;
import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.adapter.memory.InMemoryHabitStore;
import io.duecall.app.BestTimeScheduler;
import io.duecall.app.ComplianceAudit;
import io.duecall.app.DialerEngine;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.window.DebtorZones;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.port.HabitStore;
import io.duecall.sim.habits.Habits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * A portfolio run for days in virtual time through the real engine (the same eligibility, pacing, IVR flow and
 * ledger code that runs live) against a simulated PBX and simulated people, then audited from its own ledger, rule
 * by rule, with {@link ComplianceAudit}. Accounts come at the start and, if given, day by day; do-not-call listings
 * take effect at their instant; a share of promises is broken, and those accounts come back after the promised date.
 */
public final class PortfolioSimulation {
    /** Numbers put on the do-not-call list at {@code at}. */
    public record Listing(Instant at, Set<E164> numbers, String source) {
        public Listing {
            Objects.requireNonNull(at, "listing.at");
            numbers = Set.copyOf(numbers);
        }
    }

    /**
     * What to simulate: from {@code start} for {@code days}, one campaign with its rules and holidays, the accounts
     * imported at the start and those arriving on each later day ({@code arrivals}, by day number from 1), the
     * do-not-call listings, how people behave, the share of promises broken, the dial cycle's tick and the seed.
     */
    public record Setup(Instant start, int days, Campaign campaign, ContactRules rules, HolidayCalendar holidays,
            List<Account> accounts, IntFunction<List<Account>> arrivals, List<Listing> doNotCall,
            DebtorBehaviour behaviour, double brokenPromiseShare, Duration tick, long seed, Habits habits,
            Scheduling scheduling) {
        /** People answer by {@code behaviour}'s one rate, and accounts return at their first permitted instant. */
        public Setup(Instant start, int days, Campaign campaign, ContactRules rules, HolidayCalendar holidays,
                List<Account> accounts, IntFunction<List<Account>> arrivals, List<Listing> doNotCall,
                DebtorBehaviour behaviour, double brokenPromiseShare, Duration tick, long seed) {
            this(start, days, campaign, rules, holidays, accounts, arrivals, doNotCall, behaviour, brokenPromiseShare,
                    tick, seed, null, (pbx, habits) -> BestTimeScheduler.off(habits));
        }

        public Setup {
            Objects.requireNonNull(scheduling, "scheduling");
            if (days <= 0 || days > 3660) {
                throw new IllegalArgumentException("days: " + days + " (expected 1 to 3660)");
            }
            accounts = List.copyOf(accounts);
            doNotCall = doNotCall.stream().sorted(Comparator.comparing(Listing::at)).toList();
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(rules, "rules");
        }
    }

    /** The scheduler returning accounts go through, built for a run from its PBX (whose people it may know). */
    @FunctionalInterface
    public interface Scheduling {
        BestTimeScheduler scheduler(PortfolioPbx pbx, HabitStore habits);
    }

    private PortfolioSimulation() {}

    public static SimulationReport run(Setup s) {
        return run(s, ProgressListener.NONE);
    }

    /** As above, telling {@code progress} of each simulated day done. */
    public static SimulationReport run(Setup s, ProgressListener progress) {
        long wallStart = System.nanoTime();
        var clock = new VirtualClock(s.start());
        var accounts = new InMemoryAccountStore();
        var ledger = new InMemoryAttemptLedger();
        var promises = new InMemoryPromiseStore();
        var suppression = new InMemorySuppressionStore();
        var pbx = new PortfolioPbx(clock, s.seed(), s.behaviour());
        if (s.habits() != null) {
            pbx.answerByHabits(s.habits(), s.seed());
        }
        var bestTime = s.scheduling().scheduler(pbx, new InMemoryHabitStore());
        var id = s.campaign().id();
        var engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger).promises(promises)
                .suppression(suppression).telephony(pbx)
                .agents(new io.duecall.app.AgentPool(List.of(), Duration.ZERO, new io.duecall.adapter.memory.InMemoryAgentRoster(), ""))
                .campaigns(List.of(s.campaign())).maxOriginatesPerTick(10).holidays(s.holidays())
                .rules(Map.of(id, s.rules())).bestTime(bestTime).build();
        pbx.answerWith(engine.sessions());
        var returning = new TreeMap<Integer, List<Account>>();
        var random = new Random(s.seed() + 1);
        var pendingListings = new ArrayList<>(s.doNotCall());
        var everyAccount = new HashMap<String, Account>();
        int seenLines = 0;
        int imported = 0;
        int listed = 0;
        for (int d = 0; d < s.days(); d++) {
            var dayStart = s.start().plus(Duration.ofDays(d));
            var arrivals = new ArrayList<>(d == 0 ? s.accounts() : s.arrivals().apply(d));
            arrivals.addAll(returning.getOrDefault(d, List.of()));
            returning.remove(d);
            if (!arrivals.isEmpty()) {
                accounts.importAccounts(id, arrivals, dayStart);
                arrivals.forEach(pbx::know);
                arrivals.forEach(a -> everyAccount.put(a.id().value(), a));
                imported += arrivals.size();
            }
            var dayEnd = dayStart.plus(Duration.ofDays(1));
            for (var t = dayStart; t.isBefore(dayEnd); t = t.plus(s.tick())) {
                pbx.runUntil(t);
                while (!pendingListings.isEmpty() && !pendingListings.getFirst().at().isAfter(t)) {
                    var listing = pendingListings.removeFirst();
                    for (var number : listing.numbers()) {
                        listed += suppression.doNotCall(number, t, "dnc", listing.source()) ? 1 : 0;
                    }
                }
                engine.tick(id);
            }
            var lines = ledger.readAll();
            for (int i = seenLines; i < lines.size(); i++) {
                var line = lines.get(i);
                if (line.promiseDate() != null && random.nextDouble() < s.brokenPromiseShare()) {
                    var comesBack = d + 3 + (int) Duration.between(line.endedAt(),
                            line.promiseDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).toDays();
                    var day = Math.max(d + 1, comesBack);
                    accounts.find(line.account()).ifPresent(a ->
                            returning.computeIfAbsent(day, k -> new ArrayList<>()).add(a));
                }
            }
            seenLines = lines.size();
            progress.progressed(d + 1, s.days());
        }
        pbx.runUntil(s.start().plus(Duration.ofDays(s.days())).plus(Duration.ofHours(1)));
        var ledgerLines = ledger.readAll();
        var violations = ComplianceAudit.audit(ledgerLines, s.rules(), s.holidays());
        var figures = engine.figures(id);
        return new SimulationReport(s.start(), s.days(), s.campaign().channelLimit(), s.rules().contacts().maxCallsPerContact(),
                imported, listed, ledgerLines, promises.all(), pbx.peakUp(), engine.callsInFlight(),
                figures.deferralsByReason(), figures.skipsByReason(), violations,
                dialsPerAccount(ledgerLines, everyAccount), Duration.ofNanos(System.nanoTime() - wallStart));
    }

    /**
     * Own-number dials per account, for accounts whose numbers are each judged in one zone and for those with a
     * number judged in several, so a rule that silently starves multi-zone numbers shows.
     */
    private static SimulationReport.ZoneSpread dialsPerAccount(List<Attempt> lines, Map<String, Account> accounts) {
        var dials = new HashMap<String, Integer>();
        for (var line : lines) {
            if (!line.locationCall()) {
                dials.merge(line.account().value(), 1, Integer::sum);
            }
        }
        long single = 0;
        long multi = 0;
        long singleDials = 0;
        long multiDials = 0;
        for (var account : accounts.values()) {
            boolean several = account.phones().stream()
                    .anyMatch(p -> DebtorZones.of(account, p.number()).size() > 1);
            int n = dials.getOrDefault(account.id().value(), 0);
            if (several) {
                multi++;
                multiDials += n;
            } else {
                single++;
                singleDials += n;
            }
        }
        return new SimulationReport.ZoneSpread(single, singleDials, multi, multiDials);
    }
}
