package io.duecall.port;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
import java.util.List;
import java.util.Objects;

/**
 * Where every node keeps the agents' state, so that all nodes sharing it see one agent in one state. Each record
 * carries a version, and a write replaces it only if the version is still the one read: of two nodes changing the
 * same agent at once (two calls reserving the same ready agent, say) exactly one wins and the other reads again.
 * Failures to reach the storage throw {@link StoreUnavailableException}.
 */
public interface AgentRoster {

    /** The agents' records, in the order asked; an agent never written is {@link AgentRecord#NEVER_SEEN} at version 0. */
    List<Stored> read(List<AgentId> agents);

    /** Stores {@code next} as the agent's record if their version is still {@code expectedVersion}; true if it did. */
    boolean replace(AgentId agent, long expectedVersion, AgentRecord next);

    /** One agent's record as read, with the version a write must name. */
    record Stored(AgentId agent, AgentRecord record, long version) {
        public Stored {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(record, "record");
            if (version < 0) {
                throw new IllegalArgumentException("version: " + version + " (expected >= 0)");
            }
        }
    }
}
