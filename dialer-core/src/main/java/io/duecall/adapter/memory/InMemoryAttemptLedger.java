package io.duecall.adapter.memory;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.port.AttemptLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link AttemptLedger} in memory, in append order; safe to use from several threads. */
public final class InMemoryAttemptLedger implements AttemptLedger {
    private final List<Attempt> attempts = new ArrayList<>();

    @Override
    public synchronized void append(Attempt attempt) {
        attempts.add(Objects.requireNonNull(attempt, "attempt"));
    }

    @Override
    public synchronized List<Attempt> readAll() {
        return List.copyOf(attempts);
    }

    @Override
    public synchronized List<PastAttempt> history(AccountId account, Instant since) {
        return attempts.stream()
                .filter(a -> a.account().equals(account) && !a.originatedAt().isBefore(since))
                .map(PastAttempt::of)
                .toList();
    }

    @Override
    public synchronized long size() {
        return attempts.size();
    }
}
