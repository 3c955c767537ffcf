package io.duecall.adapter.memory;

import io.duecall.port.AccountStore;
import io.duecall.port.AccountStoreContract;

class InMemoryAccountStoreTest extends AccountStoreContract {
    @Override
    protected AccountStore newStore() {
        return new InMemoryAccountStore();
    }
}
