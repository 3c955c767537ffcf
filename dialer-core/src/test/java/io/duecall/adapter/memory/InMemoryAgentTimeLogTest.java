package io.duecall.adapter.memory;

import io.duecall.port.AgentTimeLog;
import io.duecall.port.AgentTimeLogContract;

class InMemoryAgentTimeLogTest extends AgentTimeLogContract {
    private InMemoryAgentTimeLog log;

    @Override
    protected AgentTimeLog newLog() {
        log = new InMemoryAgentTimeLog();
        return log;
    }

    @Override
    protected AgentTimeLog sameStorage() {
        return log;
    }
}
