package io.duecall.sim.year;

import io.duecall.app.ComplianceAudit;
import io.duecall.domain.dial.SkipReason;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a simulated campaign did, what each rule stopped, and what the audit of its ledger found. */
public record YearReport(
        YearSimulation.Options options,
        int accountsImported,
        int attempts,
        int promises,
        int peakCallsUp,
        int locationCalls,
        int contactsCalled,
        int callsInFlight,
        Map<SkipReason, Long> deferredByRule,
        Map<SkipReason, Long> heldAtClaim,
        Map<ComplianceAudit.Rule, List<ComplianceAudit.Violation>> violations,
        Duration wallTime) {

    public long violationCount() {
        return violations.values().stream().mapToLong(List::size).sum();
    }

    public void print(PrintStream out) {
        out.printf("Simulated %d days from %s: %d accounts imported (with returns after broken promises),"
                + " %d attempts, %d promises, at most %d calls up (limit %d); %s of computing%n", options.days(),
                options.from(), accountsImported, attempts, promises, peakCallsUp, options.channels(),
                String.format("%.1f s", wallTime.toMillis() / 1000.0));
        out.printf("Location calls to third-party contacts: %d, to %d contacts (at most %d a contact allowed)%n",
                locationCalls, contactsCalled, options.maxCallsPerContact());
        out.println();
        out.println("Attempts each rule stopped. After every call the account waits in the queue until every rule");
        out.println("permits the next one; 'after a call' counts the rule the policy named for that wait, 'at claim' the");
        out.println("accounts a rule turned back when claimed (holidays, windows, opt-outs recorded meanwhile):");
        out.printf("  %-24s %12s %14s%n", "rule", "after a call", "at claim");
        for (var reason : SkipReason.values()) {
            out.printf("  %-24s %12d %14d%n", reason, deferredByRule.getOrDefault(reason, 0L),
                    heldAtClaim.getOrDefault(reason, 0L));
        }
        out.println();
        out.println("Violations found by auditing the ledger (independent of the code that placed the calls):");
        for (var rule : ComplianceAudit.Rule.values()) {
            var found = violations.get(rule);
            out.printf("  %-30s %6d%s%n", rule, found.size(), found.isEmpty() ? "" : "  e.g. " + found.getFirst());
        }
        out.printf("%nTotal violations: %d%n", violationCount());
    }
}
