package io.duecall.adapter.memory;

import io.duecall.domain.agent.AgentActivity;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentState;
import io.duecall.port.AgentTimeLog;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link AgentTimeLog} in one process's memory; days are never forgotten. Thread-safe. */
public final class InMemoryAgentTimeLog implements AgentTimeLog {
    private record Key(AgentId agent, LocalDate day) {}

    private final Map<Key, Map<AgentActivity, Duration>> days = new HashMap<>();

    @Override
    public synchronized void add(AgentId agent, LocalDate day, Map<AgentActivity, Duration> time) {
        var kept = days.computeIfAbsent(new Key(agent, day), k -> new LinkedHashMap<>());
        time.forEach((activity, spent) -> {
            var reasons = kept.keySet().stream().filter(a -> a.state() == AgentState.PAUSED).count();
            var as = activity.state() == AgentState.PAUSED && !kept.containsKey(activity)
                    && reasons >= MAX_PAUSE_REASONS ? AgentActivity.paused(AgentActivity.OTHER_REASONS) : activity;
            kept.merge(as, spent, Duration::plus);
        });
    }

    @Override
    public synchronized Map<AgentActivity, Duration> day(AgentId agent, LocalDate day) {
        return Map.copyOf(days.getOrDefault(new Key(agent, day), Map.of()));
    }
}
