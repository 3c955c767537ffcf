package io.duecall.domain.compliance;

import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything the contact rules need to know about one account's past: its attempts across all numbers and
 * campaigns (kept in time order), its suppressions, and how often each third-party contact was ever called (the
 * ledger keeps that count for good, beyond the attempts' look-back). A value: the store loads it, the policy reads it.
 */
public record ContactHistory(List<PastAttempt> attempts, Suppression suppression, Map<E164, Integer> locationCalls) {
    public ContactHistory {
        Objects.requireNonNull(attempts, "history.attempts");
        Objects.requireNonNull(suppression, "history.suppression");
        attempts = attempts.stream().sorted(Comparator.comparing(PastAttempt::at)).toList();
        locationCalls = Map.copyOf(Objects.requireNonNull(locationCalls, "history.locationCalls"));
    }

    /** A history whose contact calls are only those among {@code attempts}. */
    public ContactHistory(List<PastAttempt> attempts, Suppression suppression) {
        this(attempts, suppression, Map.of());
    }

    public static ContactHistory empty() {
        return new ContactHistory(List.of(), Suppression.none());
    }

    /** Built from the attempt ledger's lines for the account. */
    public static ContactHistory fromLedger(List<Attempt> ledger, Suppression suppression) {
        return new ContactHistory(ledger.stream().map(PastAttempt::of).toList(), suppression);
    }

    public ContactHistory with(PastAttempt attempt) {
        var copy = new ArrayList<>(attempts);
        copy.add(attempt);
        return new ContactHistory(copy, suppression, locationCalls);
    }

    public ContactHistory with(Suppression replacement) {
        return new ContactHistory(attempts, replacement, locationCalls);
    }

    /** Calls ever placed to a third party's number: the ledger's count, or the attempts seen here if more. */
    public int callsTo(E164 number) {
        var seen = (int) attempts.stream().filter(a -> a.number().equals(number)).count();
        return Math.max(seen, locationCalls.getOrDefault(number, 0));
    }

    /** The most recent attempt that matches, if any. */
    public Optional<PastAttempt> last(Predicate<PastAttempt> matching) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (matching.test(attempts.get(i))) {
                return Optional.of(attempts.get(i));
            }
        }
        return Optional.empty();
    }

    /** True if the number is suppressed for the debtor's own wish: listed as opted out, or opted out during a call. */
    public boolean optedOut(E164 number) {
        return suppression.optedOut().contains(number)
                || attempts.stream().anyMatch(a -> a.number().equals(number) && a.disposition() == Disposition.OPTED_OUT);
    }

    /** True when the account was tried before and the latest attempt reached no person (machines included). */
    public boolean lastAttemptReachedNobody() {
        return !attempts.isEmpty() && attempts.getLast().outcome() != CallOutcome.ANSWERED;
    }
}
