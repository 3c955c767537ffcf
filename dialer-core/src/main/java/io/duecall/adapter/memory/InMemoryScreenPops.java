package io.duecall.adapter.memory;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.ScreenPop;
import io.duecall.port.ScreenPops;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link ScreenPops} in memory, for one node; pops are kept for the life of the process. */
public final class InMemoryScreenPops implements ScreenPops {
    private final Map<String, ScreenPop> byCall = new HashMap<>();
    private final Map<AgentId, ScreenPop> current = new HashMap<>();

    @Override
    public synchronized void put(ScreenPop pop) {
        byCall.put(Objects.requireNonNull(pop, "pop").callId(), pop);
        var earlier = current.get(pop.agent());
        if (earlier == null || !earlier.bridgedAt().isAfter(pop.bridgedAt())) {
            current.put(pop.agent(), pop);
        }
    }

    @Override
    public synchronized Optional<ScreenPop> current(AgentId agent) {
        return Optional.ofNullable(current.get(agent));
    }

    @Override
    public synchronized Optional<ScreenPop> find(String callId) {
        return Optional.ofNullable(callId == null ? null : byCall.get(callId));
    }

    @Override
    public synchronized void done(AgentId agent, String callId) {
        var pop = current.get(agent);
        if (pop != null && pop.callId().equals(callId)) {
            current.remove(agent);
        }
    }
}
