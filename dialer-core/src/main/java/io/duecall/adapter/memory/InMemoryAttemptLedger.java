package io.duecall.adapter.memory;

import io.duecall.domain.attempt.Attempt;
import io.duecall.port.AttemptLedger;
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
    public synchronized long size() {
        return attempts.size();
    }
}
