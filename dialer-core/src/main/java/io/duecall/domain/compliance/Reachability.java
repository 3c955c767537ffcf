package io.duecall.domain.compliance;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Phone;
import io.duecall.domain.attempt.CallOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whether the debtor "cannot be reached": since the last conversation with them, at least the configured number of
 * attempts on their own numbers reached no person, and the first of those is at least the configured days old.
 */
public final class Reachability {
    private Reachability() {}

    public static boolean unreached(Account account, ContactHistory history, ContactLimits limits,
            Predicate<PastAttempt> conversation, Instant now) {
        var own = account.phones().stream().map(Phone::number).collect(Collectors.toSet());
        Instant firstMiss = null;
        int misses = 0;
        for (var attempt : history.attempts()) {
            if (!own.contains(attempt.number()) || attempt.at().isAfter(now)) {
                continue;
            }
            if (conversation.test(attempt)) {
                firstMiss = null;
                misses = 0;
            } else if (attempt.outcome() != CallOutcome.ANSWERED) {
                firstMiss = firstMiss == null ? attempt.at() : firstMiss;
                misses++;
            }
        }
        return misses >= limits.unreachedAttempts() && firstMiss != null
                && Duration.between(firstMiss, now).compareTo(Duration.ofDays(limits.unreachedDays())) >= 0;
    }
}
