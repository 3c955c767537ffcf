package io.duecall.web;

import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A PBX that accepts every originate and bridge and reports only the events a test emits. */
final class FakePbx implements CallOriginator {
    final List<CallRequest> originated = new CopyOnWriteArrayList<>();
    private volatile Consumer<CallEvent> listener = e -> {};

    @Override
    public void onEvent(Consumer<CallEvent> listener) {
        this.listener = listener;
    }

    @Override
    public void originate(CallRequest request) {
        originated.add(request);
    }

    @Override
    public void bridgeToAgent(String callId, String agentExtension) {}

    @Override
    public void hangup(String callId) {}

    void emit(CallEvent event) {
        listener.accept(event);
    }

    @Override
    public void close() {}
}
