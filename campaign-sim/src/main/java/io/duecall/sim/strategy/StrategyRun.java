package io.duecall.sim.strategy;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.sim.portfolio.SimulationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** One strategy's figures over one seed's portfolio and days. */
record StrategyRun(Strategy strategy, long seed, int dials, int rightParty, int promises, double reachedIn7Days,
        int personAnswers, int abandoned, long violations) {

    static StrategyRun of(Strategy strategy, long seed, SimulationReport report, Set<String> firstDayAccounts,
            Instant start) {
        int rpc = 0;
        int person = 0;
        int abandoned = 0;
        var reached = new HashSet<String>();
        var weekOut = start.plus(Duration.ofDays(7));
        for (Attempt line : report.ledger()) {
            if (line.rightParty()) {
                rpc++;
                if (line.originatedAt().isBefore(weekOut) && firstDayAccounts.contains(line.account().value())) {
                    reached.add(line.account().value());
                }
            }
            if (line.outcome() == CallOutcome.ANSWERED) {
                person++;
            }
            if (line.abandoned()) {
                abandoned++;
            }
        }
        return new StrategyRun(strategy, seed, report.attempts(), rpc, report.promises(),
                firstDayAccounts.isEmpty() ? 0 : (double) reached.size() / firstDayAccounts.size(), person, abandoned,
                report.violationCount());
    }

    double rightPartyPerDial() {
        return dials == 0 ? 0 : (double) rightParty / dials;
    }

    double promisesPer1000Dials() {
        return dials == 0 ? 0 : 1000.0 * promises / dials;
    }

    double attemptsPerRightParty() {
        return rightParty == 0 ? Double.NaN : (double) dials / rightParty;
    }

    double abandonRate() {
        return personAnswers == 0 ? 0 : (double) abandoned / personAnswers;
    }
}
