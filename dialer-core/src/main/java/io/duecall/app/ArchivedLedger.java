package io.duecall.app;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.port.AttemptLedger;
import io.duecall.port.LedgerArchive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ledger when it is kept in an archive (PostgreSQL) beside the recent lines (Redis): lines are written to the
 * recent ledger only, from where the {@link LedgerShipper} copies them; what the contact rules read per account (the
 * history, the location calls, the calls placed) stays the recent ledger's, kept with each account; reading lines
 * back by time (the abandon rates' refill, exports, audits) reads the archive and the recent lines not yet in it,
 * each call once.
 */
public final class ArchivedLedger implements AttemptLedger {
    private final AttemptLedger recent;
    private final LedgerArchive archive;
    private final boolean historyFromArchive;

    public ArchivedLedger(AttemptLedger recent, LedgerArchive archive) {
        this(recent, archive, false);
    }

    private ArchivedLedger(AttemptLedger recent, LedgerArchive archive, boolean historyFromArchive) {
        this.recent = recent;
        this.archive = archive;
        this.historyFromArchive = historyFromArchive;
    }

    /**
     * The same ledger reading each account's history from the archive too (its lines, and the recent ones not yet
     * shipped), not only from the capped list kept with the account: what {@code explain} shows, and how the rules
     * can be checked against the system of record.
     */
    public ArchivedLedger withArchivedHistory() {
        return new ArchivedLedger(recent, archive, true);
    }

    public LedgerArchive archive() {
        return archive;
    }

    public AttemptLedger recent() {
        return recent;
    }

    @Override
    public void append(Attempt attempt) {
        recent.append(attempt);
    }

    @Override
    public void placed(Attempt ifInterrupted) {
        recent.placed(ifInterrupted);
    }

    @Override
    public void notPlaced(AccountId account, String callId) {
        recent.notPlaced(account, callId);
    }

    @Override
    public List<Attempt> unwritten(AccountId account) {
        return recent.unwritten(account);
    }

    @Override
    public List<PastAttempt> history(AccountId account, Instant since) {
        if (!historyFromArchive) {
            return recent.history(account, since);
        }
        return merged(archive.history(account, since), recent.history(account, since));
    }

    @Override
    public List<PastAttempt> latest(AccountId account, int max) {
        if (!historyFromArchive) {
            return recent.latest(account, max);
        }
        var all = merged(archive.latest(account, max), recent.latest(account, max));
        return all.subList(Math.max(0, all.size() - Math.max(0, max)), all.size());
    }

    /** Both lists' attempts, oldest first, an attempt held by both (shipped and still recent) once. */
    private static List<PastAttempt> merged(List<PastAttempt> archived, List<PastAttempt> recentOnes) {
        var all = new java.util.LinkedHashSet<PastAttempt>(archived);
        all.addAll(recentOnes);
        var sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(PastAttempt::at));
        return List.copyOf(sorted);
    }

    @Override
    public Map<E164, Integer> locationCalls(AccountId account) {
        return recent.locationCalls(account);
    }

    /** The archive's lines ended since then, and the recent ones not shipped yet, by end time. */
    @Override
    public List<Attempt> endedSince(Instant since) {
        return union(archive.endedSince(since), recent.endedSince(since), Comparator.comparing(Attempt::endedAt));
    }

    /**
     * The archive's lines ended since then, streamed, and the recent ones not shipped yet: the recent lines (few, as
     * they are shipped within seconds) are read first, so a line both shipped and not yet trimmed is handed over once.
     */
    @Override
    public void forEachEndedSince(Instant since, Consumer<Attempt> sink) {
        archivedThenPending(recent.endedSince(since), archived -> archive.forEachEndedSince(since, archived), sink);
    }

    /** Every line of the archive and the recent lines not shipped yet, by originate time. */
    @Override
    public List<Attempt> readAll() {
        var archived = new ArrayList<Attempt>();
        archive.forEach(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"), archived::add);
        return union(archived, recent.readAll(), Comparator.comparing(Attempt::originatedAt));
    }

    /**
     * The lines of calls originated in [from, to): the archive's streamed to {@code sink} as they are read, then the
     * recent lines in the range not shipped yet.
     */
    public void forEach(Instant from, Instant to, Consumer<Attempt> sink) {
        var inRange = recent.readAll().stream()
                .filter(line -> !line.originatedAt().isBefore(from) && line.originatedAt().isBefore(to)).toList();
        archivedThenPending(inRange, archived -> archive.forEach(from, to, archived), sink);
    }

    /**
     * The archive's lines streamed to {@code sink} as {@code archived} reads them, then the lines of
     * {@code recentLines} the archive did not hold (not shipped yet): a line in both stores is handed over once.
     */
    private static void archivedThenPending(List<Attempt> recentLines, Consumer<Consumer<Attempt>> archived,
            Consumer<Attempt> sink) {
        var pending = new LinkedHashMap<String, Attempt>();
        recentLines.forEach(line -> pending.put(line.callId(), line));
        archived.accept(line -> {
            pending.remove(line.callId());
            sink.accept(line);
        });
        pending.values().forEach(sink);
    }

    @Override
    public long size() {
        var recentIds = recent.readAll().stream().map(Attempt::callId).toList();
        var shipped = archive.stored(recentIds);
        return archive.count() + recentIds.stream().filter(id -> !shipped.contains(id)).count();
    }

    private static List<Attempt> union(List<Attempt> archived, List<Attempt> recentLines, Comparator<Attempt> order) {
        var seen = new HashSet<String>();
        var all = new ArrayList<Attempt>(archived.size() + recentLines.size());
        for (var line : archived) {
            if (seen.add(line.callId())) {
                all.add(line);
            }
        }
        for (var line : recentLines) {
            if (seen.add(line.callId())) {
                all.add(line);
            }
        }
        all.sort(order.thenComparing(Attempt::callId));
        return all;
    }
}
