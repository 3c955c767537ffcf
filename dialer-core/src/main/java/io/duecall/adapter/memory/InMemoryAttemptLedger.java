package io.duecall.adapter.memory;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.port.AttemptLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link AttemptLedger} in memory, in append order; safe to use from several threads. */
public final class InMemoryAttemptLedger implements AttemptLedger {
    private final List<Attempt> attempts = new ArrayList<>();
    private final java.util.Set<String> written = new java.util.HashSet<>();
    private final Map<AccountId, Map<String, Attempt>> placed = new HashMap<>();
    private final Map<AccountId, List<PastAttempt>> histories = new HashMap<>();
    private final Map<AccountId, Map<E164, Integer>> locationCalls = new HashMap<>();

    @Override
    public synchronized void placed(Attempt ifInterrupted) {
        placed.computeIfAbsent(ifInterrupted.account(), id -> new java.util.LinkedHashMap<>())
                .put(ifInterrupted.callId(), ifInterrupted);
    }

    @Override
    public synchronized void notPlaced(AccountId account, String callId) {
        var calls = placed.get(account);
        if (calls != null) {
            calls.remove(callId);
        }
    }

    @Override
    public synchronized List<Attempt> unwritten(AccountId account) {
        var calls = placed.get(account);
        return calls == null ? List.of() : List.copyOf(calls.values());
    }

    @Override
    public synchronized void append(Attempt attempt) {
        notPlaced(attempt.account(), attempt.callId());
        if (!written.add(attempt.callId())) {
            return;
        }
        attempts.add(Objects.requireNonNull(attempt, "attempt"));
        histories.computeIfAbsent(attempt.account(), id -> new ArrayList<>()).add(PastAttempt.of(attempt));
        if (attempt.locationCall()) {
            locationCalls.computeIfAbsent(attempt.account(), id -> new HashMap<>()).merge(attempt.number(), 1, Integer::sum);
        }
    }

    @Override
    public synchronized List<Attempt> endedSince(Instant since) {
        return attempts.stream().filter(a -> !a.endedAt().isBefore(since)).toList();
    }

    @Override
    public synchronized List<Attempt> readAll() {
        return List.copyOf(attempts);
    }

    @Override
    public synchronized List<PastAttempt> history(AccountId account, Instant since) {
        return histories.getOrDefault(account, List.of()).stream().filter(a -> !a.at().isBefore(since)).toList();
    }

    @Override
    public synchronized List<PastAttempt> latest(AccountId account, int max) {
        var history = histories.getOrDefault(account, List.of());
        return List.copyOf(history.subList(Math.max(0, history.size() - Math.max(0, max)), history.size()));
    }

    @Override
    public synchronized Map<E164, Integer> locationCalls(AccountId account) {
        return Map.copyOf(locationCalls.getOrDefault(account, Map.of()));
    }

    @Override
    public synchronized long size() {
        return attempts.size();
    }
}
