package io.duecall.engine;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.attempt.Attempt;
import io.duecall.pbxsim.PlacedCall;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster demo's verdict, from the shared ledger and the PBXs' own call logs: every dial, any account up twice at
 * once (from the ledger, and from the PBXs, which also see the calls a killed node never wrote down), whether every
 * account the killed node held was dialed again after its lease ran out, and whether anything stored before the kill
 * was lost.
 */
record ClusterAudit(int ledgerLines, int pbxCalls, int unledgered, int ledgerDuplicates, int pbxDuplicates, int leasedByKilled,
        int writtenByKilled, List<AccountId> notRedialed, int promisesBefore, int promisesBeforeStillStored, int promisesAfter,
        int ledgerBefore, int ledgerBeforeStillStored) {

    /** What was read at the kill, just after the node died. */
    record AtKill(Map<AccountId, Instant> leasesOfKilled, Set<String> promiseCalls, Set<String> ledgerCalls) {}

    /**
     * {@code callsOfKilled} are the call ids the killed node placed. An account it held whose call it had already
     * written to the ledger (it died before returning the account) is not dialed again at once: the contact rules
     * queue it for later, as after any call.
     */
    static ClusterAudit of(List<Attempt> ledger, Collection<PlacedCall> pbxCalls, Map<String, AccountId> accountByNumber,
            AtKill atKill, Set<String> callsOfKilled, Set<String> promiseCallsAfter, Instant now) {
        var notRedialed = new ArrayList<AccountId>();
        int[] writtenByKilled = {0};
        atKill.leasesOfKilled().forEach((account, expiry) -> {
            if (ledger.stream().anyMatch(a -> a.account().equals(account) && !a.originatedAt().isBefore(expiry))) {
                return;
            }
            if (ledger.stream().anyMatch(a -> a.account().equals(account) && callsOfKilled.contains(a.callId()))) {
                writtenByKilled[0]++;
            } else {
                notRedialed.add(account);
            }
        });
        var ledgerCalls = ledger.stream().map(Attempt::callId).collect(java.util.stream.Collectors.toSet());
        int unledgered = (int) pbxCalls.stream().filter(c -> !ledgerCalls.contains(c.callId())).count();
        return new ClusterAudit(ledger.size(), pbxCalls.size(), unledgered, ledgerDuplicates(ledger),
                pbxDuplicates(pbxCalls, accountByNumber, now), atKill.leasesOfKilled().size(), writtenByKilled[0],
                notRedialed,
                atKill.promiseCalls().size(), (int) atKill.promiseCalls().stream().filter(promiseCallsAfter::contains).count(),
                promiseCallsAfter.size(), atKill.ledgerCalls().size(),
                (int) atKill.ledgerCalls().stream().filter(ledgerCalls::contains).count());
    }

    /** Pairs of ledger lines of one account whose calls overlap in time. */
    static int ledgerDuplicates(List<Attempt> ledger) {
        var byAccount = new HashMap<AccountId, List<Attempt>>();
        ledger.forEach(a -> byAccount.computeIfAbsent(a.account(), k -> new ArrayList<>()).add(a));
        int duplicates = 0;
        for (var attempts : byAccount.values()) {
            attempts.sort(Comparator.comparing(Attempt::originatedAt));
            var latestEnd = Instant.MIN;
            for (var attempt : attempts) {
                if (attempt.originatedAt().isBefore(latestEnd)) {
                    duplicates++;
                }
                latestEnd = attempt.endedAt().isAfter(latestEnd) ? attempt.endedAt() : latestEnd;
            }
        }
        return duplicates;
    }

    /** Calls to numbers of one account that the PBXs had up at the same time (a call still up lasts until now). */
    static int pbxDuplicates(Collection<PlacedCall> calls, Map<String, AccountId> accountByNumber, Instant now) {
        var byAccount = new HashMap<Object, List<PlacedCall>>();
        calls.forEach(c -> byAccount.computeIfAbsent(accountByNumber.containsKey(c.number())
                ? accountByNumber.get(c.number()) : c.number(), k -> new ArrayList<>()).add(c));
        int duplicates = 0;
        for (var list : byAccount.values()) {
            list.sort(Comparator.comparing(PlacedCall::startedAt));
            for (int i = 1; i < list.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (list.get(i).overlaps(list.get(j), now)) {
                        duplicates++;
                        break;
                    }
                }
            }
        }
        return duplicates;
    }

    boolean passed() {
        return ledgerDuplicates == 0 && pbxDuplicates == 0 && notRedialed.isEmpty()
                && promisesBeforeStillStored == promisesBefore && ledgerBeforeStillStored == ledgerBefore
                && ledgerLines > 0;
    }

    void print(PrintStream out, String killed) {
        out.println("cluster audit");
        out.printf("  dials: %d ledger lines; the PBXs placed %d calls, %d of them with no ledger line (cut off by the kill)%n",
                ledgerLines, pbxCalls, unledgered);
        out.printf("  duplicates (one account up twice at once): %d in the ledger, %d at the PBXs%n",
                ledgerDuplicates, pbxDuplicates);
        out.printf("  accounts leased by %s when it was killed: %d; dialed again by another node after the lease ran out: %d;"
                + " call already in the ledger, queued again by the rules: %d; neither: %d%s%n",
                killed, leasedByKilled, leasedByKilled - writtenByKilled - notRedialed.size(), writtenByKilled,
                notRedialed.size(), notRedialed.isEmpty() ? "" : " " + notRedialed);
        out.printf("  promises before the kill: %d, of them stored after: %d (%d in all at the end)%n",
                promisesBefore, promisesBeforeStillStored, promisesAfter);
        out.printf("  ledger lines before the kill: %d, of them stored after: %d%n", ledgerBefore, ledgerBeforeStillStored);
        out.println("  audit: " + (passed() ? "PASSED" : "FAILED"));
    }
}
