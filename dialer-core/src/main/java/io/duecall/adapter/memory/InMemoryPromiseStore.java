package io.duecall.adapter.memory;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.PromiseStore;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PromiseStore} in memory: the first promise recorded for a call wins; safe to use from several threads. */
public final class InMemoryPromiseStore implements PromiseStore {
    private final Map<String, PromiseStatus> byCall = new LinkedHashMap<>();

    @Override
    public synchronized PromiseToPay record(PromiseToPay promise) {
        return byCall.computeIfAbsent(promise.callId(), callId -> PromiseStatus.open(promise)).promise();
    }

    @Override
    public synchronized Optional<PromiseToPay> forCall(String callId) {
        return status(callId).map(PromiseStatus::promise);
    }

    @Override
    public synchronized List<PromiseToPay> all() {
        return byCall.values().stream().map(PromiseStatus::promise).toList();
    }

    @Override
    public synchronized Optional<PromiseStatus> status(String callId) {
        return Optional.ofNullable(byCall.get(callId));
    }

    @Override
    public synchronized List<PromiseStatus> statuses() {
        return List.copyOf(byCall.values());
    }

    @Override
    public synchronized List<PromiseToPay> latestOf(AccountId account, int max) {
        var ofAccount = byCall.values().stream().map(PromiseStatus::promise)
                .filter(promise -> promise.account().equals(account)).toList();
        return ofAccount.subList(Math.max(0, ofAccount.size() - Math.max(0, max)), ofAccount.size());
    }

    @Override
    public synchronized List<PromiseStatus> unsettled(AccountId account) {
        return byCall.values().stream()
                .filter(status -> !status.state().isFinal() && status.promise().account().equals(account))
                .toList();
    }

    @Override
    public synchronized List<PromiseStatus> unsettledDueBy(LocalDate lastPayBy) {
        return byCall.values().stream()
                .filter(status -> !status.state().isFinal() && !status.promise().payBy().isAfter(lastPayBy))
                .sorted(Comparator.comparing((PromiseStatus status) -> status.promise().payBy())
                        .thenComparing(PromiseStatus::callId))
                .toList();
    }

    @Override
    public synchronized boolean update(PromiseStatus expected, PromiseStatus next) {
        if (!expected.callId().equals(next.callId())) {
            throw new IllegalArgumentException("next.callId: '" + next.callId() + "' (expected '" + expected.callId() + "')");
        }
        if (!expected.equals(byCall.get(expected.callId()))) {
            return false;
        }
        byCall.put(next.callId(), next);
        return true;
    }
}
