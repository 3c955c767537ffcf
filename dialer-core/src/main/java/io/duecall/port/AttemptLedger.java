package io.duecall.port;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.PastAttempt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The durable, append-only record of every dial, with each account's own history beside it so the contact rules
 * can be checked without reading the whole ledger.
 */
public interface AttemptLedger {
    /**
     * Appends the attempt and adds it to its account's history, together, and forgets the call's {@link #placed}
     * record. A call that already has its line keeps it: the append writes nothing (one line per call id).
     */
    void append(Attempt attempt);

    /**
     * Records, before its originate, that a call is placed: {@code ifInterrupted} is the line to write for it should
     * the dialer die before writing its own ({@code INTERRUPTED}, with what is known at the originate). Kept with
     * the account until the call's line is appended or {@link #notPlaced} says it never went out.
     */
    void placed(Attempt ifInterrupted);

    /** The originate of the call recorded {@link #placed} was refused: it never rang. */
    void notPlaced(AccountId account, String callId);

    /** The lines to write for the account's calls recorded placed whose own line never came, oldest first. */
    List<Attempt> unwritten(AccountId account);

    /** The account's attempts (across all campaigns and numbers) originated at or after {@code since}, oldest first. */
    List<PastAttempt> history(AccountId account, Instant since);

    /**
     * The account's latest {@code max} attempts, oldest first: what an agent's screen shows, read from the account's
     * own history, never the whole ledger.
     */
    List<PastAttempt> latest(AccountId account, int max);

    /**
     * How many location calls each third-party number of the account has had, ever: kept apart from the capped
     * history so a once-per-person limit holds however long ago the call was. Numbers never called are absent.
     */
    Map<E164, Integer> locationCalls(AccountId account);

    /**
     * The attempts whose call ended at or after {@code since}, in the order they were appended. Lines are appended
     * as calls end, so this reads back from the newest line and stops a day's lines before {@code since}, never
     * the whole ledger.
     */
    List<Attempt> endedSince(Instant since);

    /**
     * As {@link #endedSince}, each line handed to {@code sink} as it is read and in no set order, so a reader of a
     * long range (the reports) holds none of it. By default from {@link #endedSince}.
     */
    default void forEachEndedSince(Instant since, Consumer<Attempt> sink) {
        endedSince(since).forEach(sink);
    }

    /**
     * Every attempt in the order it was appended (a ledger kept in several shards keeps each account's order, and
     * lines of different accounts appended in the same millisecond may come in either order).
     */
    List<Attempt> readAll();

    long size();
}
