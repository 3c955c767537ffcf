package io.duecall.adapter.memory;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
import io.duecall.port.AgentRoster;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link AgentRoster} in one process's memory: for a single node, the simulations and tests. Thread-safe. */
public final class InMemoryAgentRoster implements AgentRoster {
    private final Map<AgentId, Stored> records = new HashMap<>();

    @Override
    public synchronized List<Stored> read(List<AgentId> agents) {
        return agents.stream()
                .map(agent -> records.getOrDefault(agent, new Stored(agent, AgentRecord.NEVER_SEEN, 0)))
                .toList();
    }

    @Override
    public synchronized boolean replace(AgentId agent, long expectedVersion, AgentRecord next) {
        var current = records.get(agent);
        long version = current == null ? 0 : current.version();
        if (version != expectedVersion) {
            return false;
        }
        records.put(agent, new Stored(agent, next, version + 1));
        return true;
    }
}
