package io.duecall.adapter.memory;

import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.PromiseStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PromiseStore} in memory: the first promise recorded for a call wins; safe to use from several threads. */
public final class InMemoryPromiseStore implements PromiseStore {
    private final Map<String, PromiseToPay> byCall = new LinkedHashMap<>();

    @Override
    public synchronized PromiseToPay record(PromiseToPay promise) {
        return byCall.computeIfAbsent(promise.callId(), callId -> promise);
    }

    @Override
    public synchronized Optional<PromiseToPay> forCall(String callId) {
        return Optional.ofNullable(byCall.get(callId));
    }

    @Override
    public synchronized List<PromiseToPay> all() {
        return List.copyOf(byCall.values());
    }
}
