package io.duecall.adapter.memory;

import io.duecall.port.PromiseStore;
import io.duecall.port.PromiseStoreContract;

class InMemoryPromiseStoreTest extends PromiseStoreContract {
    @Override
    protected PromiseStore newStore() {
        return new InMemoryPromiseStore();
    }
}
