package io.duecall.adapter.memory;

import io.duecall.port.ScreenPops;
import io.duecall.port.ScreenPopsContract;

class InMemoryScreenPopsTest extends ScreenPopsContract {
    @Override
    protected ScreenPops newPops() {
        return new InMemoryScreenPops();
    }
}
