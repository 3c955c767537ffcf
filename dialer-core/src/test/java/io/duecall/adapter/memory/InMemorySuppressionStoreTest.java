package io.duecall.adapter.memory;

import io.duecall.port.SuppressionStore;
import io.duecall.port.SuppressionStoreContract;

class InMemorySuppressionStoreTest extends SuppressionStoreContract {
    @Override
    protected SuppressionStore newStore() {
        return new InMemorySuppressionStore();
    }

    @Override
    protected SuppressionStore sameStorage() {
        return store;
    }
}
