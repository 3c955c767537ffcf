package io.duecall.adapter.memory;

import io.duecall.port.PaymentStore;
import io.duecall.port.PaymentStoreContract;

class InMemoryPaymentStoreTest extends PaymentStoreContract {
    @Override
    protected PaymentStore newStore() {
        return new InMemoryPaymentStore();
    }
}
