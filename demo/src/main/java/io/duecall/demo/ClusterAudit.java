package io.duecall.demo;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.attempt.Attempt;
import io.duecall.pbxsim.PlacedCall;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cluster demo's verdict, from the shared ledger and the PBXs' own call logs: every dial, any account up twice at
 * once (from the ledger, and from the PBXs, which also see the calls a killed node never wrote down), whether every
 * account the killed node held was dialed again after its lease ran out, and whether anything stored before the kill
 * was lost. Every overlap found is kept, so the report can name both calls.
 */
record ClusterAudit(int ledgerLines, int pbxCalls, int unledgered, List<LedgerOverlap> ledgerOverlaps,
        List<PbxOverlap> pbxOverlaps, KilledCalls killedCalls, int leasedByKilled, int writtenByKilled, List<AccountId> notRedialed,
        int promisesBefore, int promisesBeforeStillStored, int promisesAfter, int ledgerBefore,
        int ledgerBeforeStillStored, List<PbxRedial> earlyRedials, Duration minimumGap, LedgerStorage storage) {

    /**
     * Where the ledger's lines are at the end: {@code inPostgres} lines in PostgreSQL; the Redis streams hold
     * {@code retainedInRedis} of the {@code appendedToRedis} appended to them, the rest trimmed once shipped.
     */
    record LedgerStorage(long inPostgres, long retainedInRedis, long appendedToRedis) {
        long trimmed() {
            return appendedToRedis - retainedInRedis;
        }
    }

    /** An account the PBXs called again sooner than the contact rules' minimum gap after its previous call. */
    record PbxRedial(Object account, PbxCall earlier, PbxCall later) {}

    /** What was read at the kill, just after the node died ({@code at}, campaign time). */
    record AtKill(Instant at, Map<AccountId, Instant> leasesOfKilled, Set<String> promiseCalls, Set<String> ledgerCalls) {}

    /**
     * The killed node's calls the PBXs still had up when it died: how many, how many of them bridged to an agent,
     * when the last of them ended (null if none, or one still up), and the span of its leases' expiries.
     */
    record KilledCalls(int upAtKill, int bridged, Instant lastEnd, boolean stillUp, Instant firstLeaseEnd,
            Instant lastLeaseEnd) {}

    /** One call in a PBX's log, with the PBX's name. */
    record PbxCall(String pbx, PlacedCall call) {}

    /**
     * Two calls of one account the PBXs had up at once; {@code later} was placed while {@code earlier} was up.
     * {@code leaseOfKilled} is when the killed node's lease on the account ran out, null if it held none.
     */
    record PbxOverlap(Object account, PbxCall earlier, PbxCall later, Instant leaseOfKilled) {}

    /** Two ledger lines of one account whose calls overlap in time. */
    record LedgerOverlap(AccountId account, Attempt earlier, Attempt later) {}

    /**
     * {@code callsOfKilled} are the call ids the killed node placed. An account it held whose call it had already
     * written to the ledger (it died before returning the account) is not dialed again at once: the contact rules
     * queue it for later, as after any call.
     */
    static ClusterAudit of(List<Attempt> ledger, Collection<PbxCall> pbxCalls, Map<String, AccountId> accountByNumber,
            AtKill atKill, Set<String> callsOfKilled, Set<String> promiseCallsAfter, Instant now, Duration minimumGap,
            LedgerStorage storage) {
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
        var ledgerCalls = ledger.stream().map(Attempt::callId).collect(Collectors.toSet());
        int unledgered = (int) pbxCalls.stream().filter(c -> !ledgerCalls.contains(c.call().callId())).count();
        return new ClusterAudit(ledger.size(), pbxCalls.size(), unledgered, ledgerOverlaps(ledger),
                pbxOverlaps(pbxCalls, accountByNumber, atKill.leasesOfKilled(), now),
                killedCalls(pbxCalls, atKill, callsOfKilled), atKill.leasesOfKilled().size(), writtenByKilled[0],
                notRedialed,
                atKill.promiseCalls().size(), (int) atKill.promiseCalls().stream().filter(promiseCallsAfter::contains).count(),
                promiseCallsAfter.size(), atKill.ledgerCalls().size(),
                (int) atKill.ledgerCalls().stream().filter(ledgerCalls::contains).count(),
                earlyRedials(pbxCalls, accountByNumber, minimumGap), minimumGap, storage);
    }

    /** Calls the PBXs placed to one account sooner than {@code minimumGap} after the previous one (from the originates). */
    static List<PbxRedial> earlyRedials(Collection<PbxCall> calls, Map<String, AccountId> accountByNumber,
            Duration minimumGap) {
        var byAccount = new HashMap<Object, List<PbxCall>>();
        calls.forEach(c -> byAccount.computeIfAbsent(accountByNumber.containsKey(c.call().number())
                ? accountByNumber.get(c.call().number()) : c.call().number(), k -> new ArrayList<>()).add(c));
        var early = new ArrayList<PbxRedial>();
        byAccount.forEach((account, list) -> {
            list.sort(Comparator.comparing(c -> c.call().startedAt()));
            for (int i = 1; i < list.size(); i++) {
                var previous = list.get(i - 1);
                if (list.get(i).call().startedAt().isBefore(previous.call().startedAt().plus(minimumGap))) {
                    early.add(new PbxRedial(account, previous, list.get(i)));
                }
            }
        });
        return early;
    }

    static KilledCalls killedCalls(Collection<PbxCall> pbxCalls, AtKill atKill, Set<String> callsOfKilled) {
        var up = pbxCalls.stream().map(PbxCall::call).filter(c -> callsOfKilled.contains(c.callId()))
                .filter(c -> c.startedAt().isBefore(atKill.at()) && (c.endedAt() == null || c.endedAt().isAfter(atKill.at())))
                .toList();
        var lastEnd = up.stream().map(PlacedCall::endedAt).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        var expiries = atKill.leasesOfKilled().values();
        return new KilledCalls(up.size(), (int) up.stream().filter(c -> c.bridgedAt() != null).count(), lastEnd,
                up.stream().anyMatch(c -> c.endedAt() == null),
                expiries.stream().min(Comparator.naturalOrder()).orElse(null),
                expiries.stream().max(Comparator.naturalOrder()).orElse(null));
    }

    /** Ledger lines of one account placed while an earlier line's call of that account was still up. */
    static List<LedgerOverlap> ledgerOverlaps(List<Attempt> ledger) {
        var byAccount = new HashMap<AccountId, List<Attempt>>();
        ledger.forEach(a -> byAccount.computeIfAbsent(a.account(), k -> new ArrayList<>()).add(a));
        var overlaps = new ArrayList<LedgerOverlap>();
        for (var attempts : byAccount.values()) {
            attempts.sort(Comparator.comparing(Attempt::originatedAt));
            Attempt longest = null;
            for (var attempt : attempts) {
                if (longest != null && attempt.originatedAt().isBefore(longest.endedAt())) {
                    overlaps.add(new LedgerOverlap(attempt.account(), longest, attempt));
                }
                if (longest == null || attempt.endedAt().isAfter(longest.endedAt())) {
                    longest = attempt;
                }
            }
        }
        return overlaps;
    }

    /** Calls to numbers of one account that the PBXs had up at the same time (a call still up lasts until now). */
    static List<PbxOverlap> pbxOverlaps(Collection<PbxCall> calls, Map<String, AccountId> accountByNumber,
            Map<AccountId, Instant> leasesOfKilled, Instant now) {
        var byAccount = new HashMap<Object, List<PbxCall>>();
        calls.forEach(c -> byAccount.computeIfAbsent(accountByNumber.containsKey(c.call().number())
                ? accountByNumber.get(c.call().number()) : c.call().number(), k -> new ArrayList<>()).add(c));
        var overlaps = new ArrayList<PbxOverlap>();
        byAccount.forEach((account, list) -> {
            list.sort(Comparator.comparing(c -> c.call().startedAt()));
            for (int i = 1; i < list.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (list.get(i).call().overlaps(list.get(j).call(), now)) {
                        overlaps.add(new PbxOverlap(account, list.get(j), list.get(i), leasesOfKilled.get(account)));
                        break;
                    }
                }
            }
        });
        return overlaps;
    }

    int ledgerDuplicates() {
        return ledgerOverlaps.size();
    }

    int pbxDuplicates() {
        return pbxOverlaps.size();
    }

    boolean passed() {
        return ledgerOverlaps.isEmpty() && pbxOverlaps.isEmpty() && notRedialed.isEmpty()
                && promisesBeforeStillStored == promisesBefore && ledgerBeforeStillStored == ledgerBefore
                && ledgerLines > 0 && unledgered == 0 && earlyRedials.isEmpty()
                && storage.inPostgres() == pbxCalls && storage.inPostgres() == ledgerLines && storage.trimmed() > 0;
    }

    void print(PrintStream out, String killed) {
        out.println("cluster audit");
        out.printf("  dials: %d ledger lines; the PBXs placed %d calls, %d of them with no ledger line%n",
                ledgerLines, pbxCalls, unledgered);
        out.printf("  accounts called again sooner than the minimum gap (%s) after their previous call: %d%n",
                minimumGap, earlyRedials.size());
        for (var redial : earlyRedials) {
            out.printf("    pbx %s: %s%n      then %s%n", redial.account() instanceof AccountId id ? id.value()
                    : redial.account(), describe(redial.earlier()), describe(redial.later()));
        }
        out.printf("  duplicates (one account up twice at once): %d in the ledger, %d at the PBXs%n",
                ledgerDuplicates(), pbxDuplicates());
        for (var overlap : ledgerOverlaps) {
            out.printf("    ledger %s: %s%n      and %s%n", overlap.account().value(), describe(overlap.earlier()),
                    describe(overlap.later()));
        }
        for (var overlap : pbxOverlaps) {
            out.printf("    pbx %s: %s%n      and %s%s%n", overlap.account() instanceof AccountId id ? id.value()
                    : overlap.account(), describe(overlap.earlier()), describe(overlap.later()),
                    overlap.leaseOfKilled() == null ? "" : "; the killed node's lease ran out " + time(overlap.leaseOfKilled()));
        }
        out.printf("  calls of %s up at the PBXs when it was killed: %d (%d bridged to an agent), the last ended %s;"
                + " its leases ran out %s to %s%n", killed, killedCalls.upAtKill(), killedCalls.bridged(),
                killedCalls.stillUp() ? "never (still up)" : time(killedCalls.lastEnd()),
                time(killedCalls.firstLeaseEnd()), time(killedCalls.lastLeaseEnd()));
        out.printf("  accounts leased by %s when it was killed: %d; dialed again by another node after the lease ran out: %d;"
                + " call in the ledger (written by the node, or INTERRUPTED by the takeover), queued again by the rules: %d; neither: %d%s%n",
                killed, leasedByKilled, leasedByKilled - writtenByKilled - notRedialed.size(), writtenByKilled,
                notRedialed.size(), notRedialed.isEmpty() ? "" : " " + notRedialed);
        out.printf("  promises before the kill: %d, of them stored after: %d (%d in all at the end)%n",
                promisesBefore, promisesBeforeStillStored, promisesAfter);
        out.printf("  ledger lines before the kill: %d, of them stored after: %d%n", ledgerBefore, ledgerBeforeStillStored);
        out.printf("  ledger in PostgreSQL: %d lines for %d calls placed; Redis streams: %d of %d lines appended trimmed"
                + " once shipped, %d retained%n", storage.inPostgres(), pbxCalls, storage.trimmed(),
                storage.appendedToRedis(), storage.retainedInRedis());
        out.println("  audit: " + (passed() ? "PASSED" : "FAILED"));
    }

    private static String describe(PbxCall call) {
        var c = call.call();
        return "%s on %s, context %s, %s to %s, %s".formatted(c.callId(), call.pbx(), c.context(), time(c.startedAt()),
                c.endedAt() == null ? "still up" : time(c.endedAt()),
                c.bridgedAt() != null ? "answered " + time(c.answeredAt()) + ", bridged " + time(c.bridgedAt())
                        : c.answeredAt() != null ? "answered " + time(c.answeredAt()) + ", never bridged"
                        : "never answered");
    }

    private static String describe(Attempt a) {
        return "%s, %s to %s, %s, agent %s".formatted(a.callId(), time(a.originatedAt()), time(a.endedAt()), a.outcome(),
                a.agent() == null ? "none" : a.agent());
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.atZone(ZoneOffset.UTC).toLocalTime()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }
}
