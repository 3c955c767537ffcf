package io.duecall.ivr.adapter.agi;

import io.duecall.app.AgentHandoff;
import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.PromiseStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The dialer's side of IVR calls over a real {@link PromiseStore}. With {@code dieAfterStoring} the dialer process
 * "dies" right after a promise is durable: the call can go no further, as if the JVM had stopped.
 */
final class StoreBackedCallSessions implements CallSessions {
    static final Instant PROMISED_AT = Instant.parse("2026-03-10T15:30:00Z");

    private final PromiseStore promises;
    private final Map<String, IvrCall> calls = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<String>> verdicts = new ConcurrentHashMap<>();
    private final List<String> verdictLog = new CopyOnWriteArrayList<>();
    private volatile boolean dieAfterStoring;
    private volatile AgentHandoff handoff = new AgentHandoff.NoAgent();

    StoreBackedCallSessions(PromiseStore promises) {
        this.promises = promises;
    }

    StoreBackedCallSessions add(IvrCall call) {
        calls.put(call.callId(), call);
        return this;
    }

    StoreBackedCallSessions dieAfterStoring() {
        dieAfterStoring = true;
        return this;
    }

    StoreBackedCallSessions answerAgentRequestsWith(AgentHandoff answer) {
        handoff = answer;
        return this;
    }

    /** Waits for the verdict on a call, whose flow may still be ending on the server's thread. */
    String awaitVerdict(String callId) throws Exception {
        return future(callId).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private java.util.concurrent.CompletableFuture<String> future(String callId) {
        return verdicts.computeIfAbsent(callId, id -> new java.util.concurrent.CompletableFuture<>());
    }

    List<String> verdictLog() {
        return List.copyOf(verdictLog);
    }

    @Override
    public Optional<IvrCall> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    @Override
    public PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy) {
        var call = calls.get(callId);
        var stored = promises.record(new PromiseToPay(callId, call.account().id(), call.campaign().id(), amount, payBy,
                PROMISED_AT));
        if (dieAfterStoring) {
            throw new IllegalStateException("dialer process stopped after storing the promise of " + callId);
        }
        return stored;
    }

    @Override
    public AgentHandoff requestAgent(String callId) {
        return handoff;
    }

    @Override
    public void flowStarted(String callId, String flowVersion) {
    }

    @Override
    public void optOut(String callId) {
    }

    @Override
    public void scheduleCallback(String callId, Instant at) {
    }

    @Override
    public void finished(String callId, Disposition disposition) {
        if (!dieAfterStoring) {
            future(callId).complete(disposition.name());
            verdictLog.add(callId + ":" + disposition);
        }
    }
}
