package io.duecall.port;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.PastAttempt;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The ledger's system of record, kept for years (PostgreSQL in production): every line the dialer wrote, once per
 * call id, readable by time range and by account. Throws {@link StoreUnavailableException} when it cannot be reached.
 */
public interface LedgerArchive {
    /** Stores the lines, each call id at most once (a line already stored is left as it is); returns how many were new. */
    int store(List<Attempt> lines);

    /** Every line of a call originated in [{@code from}, {@code to}), by originate time, handed over one at a time. */
    void forEach(Instant from, Instant to, Consumer<Attempt> sink);

    /** The lines whose call ended at or after {@code since}, by end time. */
    List<Attempt> endedSince(Instant since);

    /** As {@link #endedSince}, each line handed to {@code sink} as it is read. By default from {@link #endedSince}. */
    default void forEachEndedSince(Instant since, Consumer<Attempt> sink) {
        endedSince(since).forEach(sink);
    }

    /** The account's attempts originated at or after {@code since}, oldest first. */
    List<PastAttempt> history(AccountId account, Instant since);

    /** The account's latest {@code max} attempts, oldest first. */
    List<PastAttempt> latest(AccountId account, int max);

    /** How many location calls each third-party number of the account has had, as far back as the archive keeps. */
    Map<E164, Integer> locationCalls(AccountId account);

    /** Which of the call ids have a line stored. */
    Set<String> stored(Collection<String> callIds);

    long count();

    /** The months the archive holds lines for (whether or not any line is in them), oldest first. */
    List<YearMonth> months();

    /** Drops every month wholly before {@code month}'s first instant, lines and all; returns the months dropped. */
    List<YearMonth> dropBefore(YearMonth month);
}
