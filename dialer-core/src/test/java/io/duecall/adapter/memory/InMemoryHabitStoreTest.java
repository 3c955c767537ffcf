package io.duecall.adapter.memory;

import io.duecall.port.HabitStore;
import io.duecall.port.HabitStoreContract;

class InMemoryHabitStoreTest extends HabitStoreContract {
    private final InMemoryHabitStore shared = new InMemoryHabitStore();

    @Override
    protected HabitStore newStore() {
        return shared;
    }

    @Override
    protected HabitStore sameStorage() {
        return shared;
    }
}
