package io.duecall.bench;

import io.duecall.app.AgentHandoff;
import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IVR's view of the engine, noting when the IVR first looks a call up ({@code find}): the moment its FastAGI
 * session has connected and named the call; and, as it asks for an agent, how long its session had waited on the
 * PBX's replies until then. The engine is set after the IVR server starts, as in the app.
 */
final class TimedSessions implements CallSessions {
    final Map<String, Long> agiConnected = new ConcurrentHashMap<>();
    /** Per call, the time its IVR had spent waiting on the PBX's replies when it asked for an agent. */
    final Map<String, Long> pbxWaitBeforeAgent = new ConcurrentHashMap<>();
    private volatile CallSessions engine;
    private volatile TimedAgi agi;

    void set(CallSessions target) {
        this.engine = target;
    }

    void measurePbxWaitWith(TimedAgi timedAgi) {
        this.agi = timedAgi;
    }

    @Override
    public Optional<IvrCall> find(String callId) {
        return find(callId, null);
    }

    @Override
    public Optional<IvrCall> find(String callId, String channel) {
        agiConnected.putIfAbsent(callId, System.nanoTime());
        var target = engine;
        return target == null ? Optional.empty() : target.find(callId, channel);
    }

    @Override
    public PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy) {
        return engine.recordPromise(callId, amount, payBy);
    }

    @Override
    public AgentHandoff requestAgent(String callId) {
        var timedAgi = agi;
        if (timedAgi != null) {
            pbxWaitBeforeAgent.putIfAbsent(callId, timedAgi.pbxNanos(callId));
        }
        return engine.requestAgent(callId);
    }

    @Override
    public void flowStarted(String callId, String flowVersion) {
        engine.flowStarted(callId, flowVersion);
    }

    @Override
    public void stepReached(String callId, String step) {
        engine.stepReached(callId, step);
    }

    @Override
    public void optOut(String callId) {
        engine.optOut(callId);
    }

    @Override
    public void scheduleCallback(String callId, Instant at) {
        engine.scheduleCallback(callId, at);
    }

    @Override
    public void finished(String callId, Disposition disposition) {
        engine.finished(callId, disposition);
    }
}
