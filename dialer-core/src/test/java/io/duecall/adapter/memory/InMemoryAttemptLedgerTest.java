package io.duecall.adapter.memory;

import io.duecall.port.AttemptLedger;
import io.duecall.port.AttemptLedgerContract;

class InMemoryAttemptLedgerTest extends AttemptLedgerContract {
    @Override
    protected AttemptLedger newLedger() {
        return new InMemoryAttemptLedger();
    }
}
