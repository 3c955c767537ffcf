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
import java.util.Optional;
import java.util.function.Consumer;

/** The dialer's call sessions, telling {@code steps} of each thing the IVR reports as it happens (one test call). */
final class PrintedCallSessions implements CallSessions {
    private final CallSessions dialer;
    private final Consumer<String> steps;
    /** The most the IVR has said so far; only a step up is worth a line. */
    private volatile Disclosure said = Disclosure.NOTHING;

    PrintedCallSessions(CallSessions dialer, Consumer<String> steps) {
        this.dialer = dialer;
        this.steps = steps;
    }

    @Override
    public Optional<IvrCall> find(String callId) {
        return dialer.find(callId);
    }

    @Override
    public Optional<IvrCall> find(String callId, String channel) {
        return dialer.find(callId, channel);
    }

    @Override
    public PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy) {
        var promise = dialer.recordPromise(callId, amount, payBy);
        steps.accept("promise of " + promise.amount().toDecimal().toPlainString() + " "
                + promise.amount().currency().getCurrencyCode() + " by " + promise.payBy() + " recorded");
        return promise;
    }

    @Override
    public AgentHandoff requestAgent(String callId) {
        steps.accept("asked for an agent");
        var handoff = dialer.requestAgent(callId);
        steps.accept("agent: " + handoff);
        return handoff;
    }

    @Override
    public void flowStarted(String callId, String flowVersion) {
        steps.accept("answered; flow " + flowVersion);
        dialer.flowStarted(callId, flowVersion);
    }

    @Override
    public void rightPartyVerified(String callId) {
        steps.accept("the caller confirmed being the debtor");
        dialer.rightPartyVerified(callId);
    }

    @Override
    public void disclosed(String callId, Disclosure what) {
        if (what != null && what.compareTo(said) > 0) {
            said = what;
            steps.accept(what == Disclosure.AMOUNT ? "says something about the debt" : "says the company's name");
        }
        dialer.disclosed(callId, what);
    }

    @Override
    public void stepReached(String callId, String step) {
        steps.accept("step " + step);
        dialer.stepReached(callId, step);
    }

    @Override
    public void optOut(String callId) {
        steps.accept("the caller opted out");
        dialer.optOut(callId);
    }

    @Override
    public void scheduleCallback(String callId, Instant at) {
        steps.accept("callback asked for at " + at);
        dialer.scheduleCallback(callId, at);
    }

    @Override
    public void finished(String callId, Disposition disposition) {
        steps.accept("flow ended: " + disposition);
        dialer.finished(callId, disposition);
    }
}
