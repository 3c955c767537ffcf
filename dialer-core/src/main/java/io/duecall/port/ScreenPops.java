package io.duecall.port;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.ScreenPop;
import java.util.Optional;

/**
 * The screen pops of calls bridged to agents, shared by every node: the node that bridges a call stores its pop, and
 * whichever node serves the agent's desk shows it and takes its disposition. Each agent has one current call, the
 * latest bridged to them, until its disposition is recorded; every pop stays readable by its call id for a while.
 */
public interface ScreenPops {
    /**
     * Stores the pop under its call id and makes it its agent's current call, unless the agent's current call was
     * bridged later (pops built out of order do not hide the newer call).
     */
    void put(ScreenPop pop);

    /** The agent's current call, until {@link #done} is called for it. */
    Optional<ScreenPop> current(AgentId agent);

    /** The pop of this call, whether or not it is still its agent's current call. */
    Optional<ScreenPop> find(String callId);

    /** The call's disposition is recorded: it stops being the agent's current call, if it still is. */
    void done(AgentId agent, String callId);
}
