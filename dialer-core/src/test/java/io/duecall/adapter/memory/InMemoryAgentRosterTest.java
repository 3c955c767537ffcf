package io.duecall.adapter.memory;

import io.duecall.port.AgentRoster;
import io.duecall.port.AgentRosterContract;

class InMemoryAgentRosterTest extends AgentRosterContract {
    private InMemoryAgentRoster roster;

    @Override
    protected AgentRoster newRoster() {
        roster = new InMemoryAgentRoster();
        return roster;
    }

    @Override
    protected AgentRoster sameStorage() {
        return roster;
    }
}
