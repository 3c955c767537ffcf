package io.duecall.sim.portfolio;

import io.duecall.app.ComplianceAudit;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.promise.PromiseToPay;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a simulated portfolio did, what each rule stopped, and what the audit of its ledger found. */
public record SimulationReport(
        Instant start,
        int days,
        int channels,
        int maxCallsPerContact,
        int accountsImported,
        int numbersListed,
        List<Attempt> ledger,
        List<PromiseToPay> promiseList,
        int peakCallsUp,
        int callsInFlight,
        Map<SkipReason, Long> deferredByRule,
        Map<SkipReason, Long> heldAtClaim,
        Map<ComplianceAudit.Rule, List<ComplianceAudit.Violation>> violations,
        ZoneSpread zoneSpread,
        Duration wallTime) {

    /** Own-number dials of accounts whose numbers each have one zone, and of those with a number in several. */
    public record ZoneSpread(long singleZoneAccounts, long singleZoneDials, long multiZoneAccounts, long multiZoneDials) {
        public double singleZonePerAccount() {
            return singleZoneAccounts == 0 ? 0 : (double) singleZoneDials / singleZoneAccounts;
        }

        public double multiZonePerAccount() {
            return multiZoneAccounts == 0 ? 0 : (double) multiZoneDials / multiZoneAccounts;
        }
    }

    public SimulationReport {
        ledger = List.copyOf(ledger);
        promiseList = List.copyOf(promiseList);
    }

    public int attempts() {
        return ledger.size();
    }

    public int promises() {
        return promiseList.size();
    }

    public int locationCalls() {
        return (int) ledger.stream().filter(Attempt::locationCall).count();
    }

    public int contactsCalled() {
        return (int) ledger.stream().filter(Attempt::locationCall).map(a -> a.account().value() + " " + a.number())
                .distinct().count();
    }

    public long violationCount() {
        return violations.values().stream().mapToLong(List::size).sum();
    }

    public void print(PrintStream out) {
        long connected = ledger.stream().filter(Attempt::connected).count();
        long conversations = ledger.stream().filter(a -> a.rightParty() || a.disclosed()
                == io.duecall.domain.attempt.Disclosure.AMOUNT).count();
        out.printf("Simulated %d days from %s: %d accounts imported (with returns after broken promises),"
                + " %d attempts (%d connected, %d conversations), %d promises, at most %d calls up (limit %d);"
                + " %s of computing%n", days, start, accountsImported, attempts(), connected, conversations, promises(),
                peakCallsUp, channels, String.format("%.1f s", wallTime.toMillis() / 1000.0));
        out.printf("Location calls to third-party contacts: %d, to %d contacts (at most %d a contact allowed)%n",
                locationCalls(), contactsCalled(), maxCallsPerContact);
        if (numbersListed > 0) {
            out.printf("Numbers put on the do-not-call list during the run: %d%n", numbersListed);
        }
        out.printf("Own-number dials per account: %.1f for %d accounts whose numbers have one zone, %.1f for %d accounts"
                + " with a number in several zones%n", zoneSpread.singleZonePerAccount(), zoneSpread.singleZoneAccounts(),
                zoneSpread.multiZonePerAccount(), zoneSpread.multiZoneAccounts());
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
        out.println("Violations found by auditing the ledger against the rules as written (every connected call counts");
        out.println("toward 7-in-7, a verified debtor or a disclosed debt is a conversation, windows hold in every zone):");
        for (var rule : ComplianceAudit.Rule.values()) {
            var found = violations.get(rule);
            out.printf("  %-30s %6d%s%n", rule, found.size(), found.isEmpty() ? "" : "  e.g. " + found.getFirst());
        }
        out.printf("%nTotal violations: %d%n", violationCount());
    }
}
