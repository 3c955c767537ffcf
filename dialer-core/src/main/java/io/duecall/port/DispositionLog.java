package io.duecall.port;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.DispositionRecord;
import java.util.List;
import java.util.Optional;

/**
 * The agents' dispositions, durably and once per call: the record of what was agreed on each bridged call, kept
 * beside the attempt ledger (whose line is usually written before the agent finishes wrap-up) and keyed by call id.
 */
public interface DispositionLog {
    /** Stores the record; false, changing nothing, if the call already has a disposition. */
    boolean record(DispositionRecord record);

    Optional<DispositionRecord> find(String callId);

    /** The agent's latest records, newest first, at most {@code max}. */
    List<DispositionRecord> latest(AgentId agent, int max);
}
