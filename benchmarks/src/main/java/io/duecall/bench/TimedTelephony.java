package io.duecall.bench;

import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.port.TelephonyUnavailableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Wraps the engine's real originator and notes, with {@link System#nanoTime}, when each originate is sent, when the
 * engine is handed the call's Answered event, and when the PBX has accepted the call's Redirect to an agent.
 */
final class TimedTelephony implements CallOriginator {
    private final CallOriginator delegate;
    final Map<String, Long> originateSent = new ConcurrentHashMap<>();
    final Map<String, Long> answered = new ConcurrentHashMap<>();
    final Map<String, Long> bridgeAccepted = new ConcurrentHashMap<>();
    final AtomicLong refusedOriginates = new AtomicLong();
    final AtomicLong refusedBridges = new AtomicLong();

    TimedTelephony(CallOriginator delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onEvent(Consumer<CallEvent> listener) {
        delegate.onEvent(event -> {
            if (event instanceof CallEvent.Answered) {
                answered.putIfAbsent(event.callId(), System.nanoTime());
            }
            listener.accept(event);
        });
    }

    @Override
    public boolean available() {
        return delegate.available();
    }

    @Override
    public void originate(CallRequest request) throws TelephonyUnavailableException {
        originateSent.put(request.callId(), System.nanoTime());
        try {
            delegate.originate(request);
        } catch (TelephonyUnavailableException e) {
            originateSent.remove(request.callId());
            refusedOriginates.incrementAndGet();
            throw e;
        }
    }

    @Override
    public void bridgeToAgent(String callId, String agentExtension) throws TelephonyUnavailableException {
        try {
            delegate.bridgeToAgent(callId, agentExtension);
            bridgeAccepted.put(callId, System.nanoTime());
        } catch (TelephonyUnavailableException e) {
            refusedBridges.incrementAndGet();
            throw e;
        }
    }

    @Override
    public void hangup(String callId) throws TelephonyUnavailableException {
        delegate.hangup(callId);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
