package io.duecall.bench;

import io.duecall.adapter.ami.AmiTimings;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Wraps the engine's real originator and notes, with {@link System#nanoTime}, when each originate is sent, when the
 * engine is handed the call's Answered event, when the call's Redirect to an agent left for the PBX and when the PBX
 * accepted it. The Redirect's departure is its acceptance less its round trip, which the originator reports through
 * {@link AmiTimings} on the thread that sent it, just before {@code bridgeToAgent} returns.
 */
final class TimedTelephony implements CallOriginator, AmiTimings {
    private final CallOriginator delegate;
    private final ThreadLocal<Long> redirectRoundTrip = new ThreadLocal<>();
    final Map<String, Long> originateSent = new ConcurrentHashMap<>();
    final Map<String, Long> answered = new ConcurrentHashMap<>();
    final Map<String, Long> bridgeSent = new ConcurrentHashMap<>();
    final Map<String, Long> bridgeAccepted = new ConcurrentHashMap<>();
    final AtomicLong refusedOriginates = new AtomicLong();
    /** Originates refused because too many awaited their response; the engine queues the account again. */
    final AtomicLong throttledOriginates = new AtomicLong();
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
        } catch (io.duecall.port.OriginateThrottledException e) {
            originateSent.remove(request.callId());
            throttledOriginates.incrementAndGet();
            throw e;
        } catch (TelephonyUnavailableException e) {
            originateSent.remove(request.callId());
            refusedOriginates.incrementAndGet();
            throw e;
        }
    }

    @Override
    public void bridgeToAgent(String callId, String agentExtension) throws TelephonyUnavailableException {
        redirectRoundTrip.remove();
        try {
            delegate.bridgeToAgent(callId, agentExtension);
            long accepted = System.nanoTime();
            var roundTrip = redirectRoundTrip.get();
            bridgeAccepted.put(callId, accepted);
            bridgeSent.put(callId, accepted - (roundTrip == null ? 0 : roundTrip));
        } catch (TelephonyUnavailableException e) {
            refusedBridges.incrementAndGet();
            throw e;
        }
    }

    @Override
    public void actionAnswered(String action, Duration roundTrip) {
        if ("Redirect".equalsIgnoreCase(action)) {
            redirectRoundTrip.set(roundTrip.toNanos());
        }
    }

    @Override
    public void eventHandled(String event, Duration lag) {}

    @Override
    public void answeredOn(String callId, String channel) {
        delegate.answeredOn(callId, channel);
    }

    @Override
    public boolean reportsAcceptance() {
        return delegate.reportsAcceptance();
    }

    @Override
    public java.util.Optional<Boolean> inBridge(String callId) {
        return delegate.inBridge(callId);
    }

    @Override
    public void playAbandonMessage(String callId) throws TelephonyUnavailableException {
        delegate.playAbandonMessage(callId);
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
