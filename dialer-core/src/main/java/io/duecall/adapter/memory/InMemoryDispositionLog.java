package io.duecall.adapter.memory;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.DispositionRecord;
import io.duecall.port.DispositionLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link DispositionLog} in memory, for tests and single-process demos; thread-safe. */
public final class InMemoryDispositionLog implements DispositionLog {
    private final Map<String, DispositionRecord> byCall = new LinkedHashMap<>();

    @Override
    public synchronized boolean record(DispositionRecord record) {
        return byCall.putIfAbsent(record.callId(), record) == null;
    }

    @Override
    public synchronized Optional<DispositionRecord> find(String callId) {
        return Optional.ofNullable(byCall.get(callId));
    }

    @Override
    public synchronized List<DispositionRecord> latest(AgentId agent, int max) {
        var mine = new ArrayList<DispositionRecord>();
        for (var r : byCall.values()) {
            if (r.agent().equals(agent)) {
                mine.addFirst(r);
            }
        }
        return List.copyOf(mine.subList(0, Math.min(max, mine.size())));
    }
}
