package io.duecall.adapter.memory;

import io.duecall.port.DispositionLog;
import io.duecall.port.DispositionLogContract;

class InMemoryDispositionLogTest extends DispositionLogContract {
    private InMemoryDispositionLog log;

    @Override
    protected DispositionLog newLog() {
        log = new InMemoryDispositionLog();
        return log;
    }

    @Override
    protected DispositionLog sameStorage() {
        return log;
    }
}
