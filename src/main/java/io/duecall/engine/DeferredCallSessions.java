package io.duecall.engine;

import io.duecall.app.AgentHandoff;
import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The IVR server must listen before the PBX is told where it is, and the engine needs the PBX connection before
 * it exists; this forwarder lets the IVR start first. Until the engine is set, no call is known. It forwards every
 * method, the reports with a default body too (a verified debtor and what was said make the ledger's rpc and
 * disclosed columns).
 */
final class DeferredCallSessions implements CallSessions {
    private volatile CallSessions target;

    void set(CallSessions engine) {
        this.target = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public Optional<IvrCall> find(String callId) {
        var t = target;
        return t == null ? Optional.empty() : t.find(callId);
    }

    @Override
    public Optional<IvrCall> find(String callId, String channel) {
        var t = target;
        return t == null ? Optional.empty() : t.find(callId, channel);
    }

    @Override
    public PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy) {
        return engine().recordPromise(callId, amount, payBy);
    }

    @Override
    public AgentHandoff requestAgent(String callId) {
        return engine().requestAgent(callId);
    }

    @Override
    public void flowStarted(String callId, String flowVersion) {
        engine().flowStarted(callId, flowVersion);
    }

    @Override
    public void optOut(String callId) {
        engine().optOut(callId);
    }

    @Override
    public void scheduleCallback(String callId, Instant at) {
        engine().scheduleCallback(callId, at);
    }

    @Override
    public void finished(String callId, Disposition disposition) {
        var t = target;
        if (t != null) {
            t.finished(callId, disposition);
        }
    }

    @Override
    public void rightPartyVerified(String callId) {
        var t = target;
        if (t != null) {
            t.rightPartyVerified(callId);
        }
    }

    @Override
    public void disclosed(String callId, Disclosure what) {
        var t = target;
        if (t != null) {
            t.disclosed(callId, what);
        }
    }

    @Override
    public void stepReached(String callId, String step) {
        var t = target;
        if (t != null) {
            t.stepReached(callId, step);
        }
    }

    private CallSessions engine() {
        var t = target;
        if (t == null) {
            throw new IllegalStateException("the engine is not running yet");
        }
        return t;
    }
}
