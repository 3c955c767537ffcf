package io.duecall.ivr.flow;

import io.duecall.app.AgentHandoff;
import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.app.PromiseNotRecordedException;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.SecondFactor;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * The actions a flow's steps run on one call (machine screening, the right-party check and second factor, proposing
 * and storing a promise, an agent, a callback, an opt-out), and what they leave known about the caller. Each action
 * gives the event its step routes on, or null once the flow has ended ({@link #outcome}).
 */
final class FlowActions implements Speaker.State {
    private static final Duration BEEP_SILENCE = Duration.ofMillis(1500);
    private static final Duration BEEP_MAX_WAIT = Duration.ofSeconds(10);
    private static final int DATE_DIGITS = 4;
    private static final int HOUR_DIGITS = 2;
    private static final int SECOND_FACTOR_DIGITS = 4;

    private final FlowDefinition flow;
    private final IvrCall call;
    private final IvrChannel channel;
    private final CallSessions sessions;
    private final Duration inputTimeout;
    private final MachinePolicy machinePolicy;
    private final Speaker speaker;
    private boolean verified;
    private boolean secondFactorPassed;
    private boolean optedOut;
    private Money proposedAmount;
    private LocalDate proposedDate;
    private PromiseToPay promise;
    private FlowOutcome outcome;

    FlowActions(FlowDefinition flow, IvrCall call, IvrChannel channel, CallSessions sessions, Duration inputTimeout,
            MachinePolicy machinePolicy) {
        this.flow = flow;
        this.call = call;
        this.channel = channel;
        this.sessions = sessions;
        this.inputTimeout = inputTimeout;
        this.machinePolicy = machinePolicy;
        this.speaker = new Speaker(call, channel, this);
    }

    Speaker speaker() {
        return speaker;
    }

    /** How the flow ended; null while it goes on. */
    FlowOutcome outcome() {
        return outcome;
    }

    boolean optedOut() {
        return optedOut;
    }

    String act(FlowAction action, FlowStep step) {
        if (call.locationCall() && action != FlowAction.SCREEN_MACHINE && action != FlowAction.WAIT_FOR_BEEP) {
            throw new IllegalStateException("flow " + flow.ledgerVersion() + " runs " + action.yamlName()
                    + " on a location call to a third party");
        }
        return switch (action) {
            case SCREEN_MACHINE -> screen();
            case WAIT_FOR_BEEP -> {
                channel.waitForSilence(BEEP_SILENCE, BEEP_MAX_WAIT);
                yield "next";
            }
            case VERIFIED -> {
                verified = true;
                reportIfVerified();
                yield "next";
            }
            case SECOND_FACTOR -> secondFactor(step);
            case PROPOSE_FULL -> {
                propose(call.account().amountDue(), lastDayOfHorizon());
                yield "next";
            }
            case ENTER_DATE -> entry(step, DATE_DIGITS,
                    digits -> KeyedEntry.payByDate(digits, today(), call.campaign().promiseHorizonDays())
                            .map(date -> propose(call.account().amountDue(), date)));
            case ENTER_AMOUNT -> entry(step, wholeUnitDigits(),
                    digits -> KeyedEntry.partOf(digits, call.account().amountDue())
                            .map(amount -> propose(amount, lastDayOfHorizon())));
            case STORE_PROMISE -> storePromise();
            case REQUEST_AGENT -> requestAgent();
            case ENTER_CALLBACK_HOUR -> entry(step, HOUR_DIGITS,
                    digits -> KeyedEntry.callbackAt(digits, call.debtorTime()).map(at -> {
                        sessions.scheduleCallback(call.callId(), at.toInstant());
                        return "ok";
                    }));
            case OPT_OUT -> {
                sessions.optOut(call.callId());
                optedOut = true;
                yield "next";
            }
        };
    }

    private String screen() {
        if (channel.variable("AMDSTATUS").filter("MACHINE"::equals).isEmpty()) {
            return call.campaign().mode() == CampaignMode.AGENT ? "agent-campaign" : "human";
        }
        return machinePolicy == MachinePolicy.HANG_UP ? end(Disposition.MACHINE) : "machine";
    }

    /** The account's own question, up to the step's tries; the answer is compared, never spoken or stored. */
    private String secondFactor(FlowStep step) {
        var factor = call.account().secondFactor();
        var question = factor.question();
        if (question.isEmpty()) {
            return "none";
        }
        var prompt = question.get() == SecondFactor.Question.BIRTH_YEAR ? Prompts.ENTER_BIRTH_YEAR : Prompts.ENTER_ID_LAST4;
        for (var tries = 0; tries < step.triesAllowed(); tries++) {
            var digits = channel.readDigits(prompt, SECOND_FACTOR_DIGITS, timeout(step));
            if (digits.isPresent() && factor.accepts(digits.get())) {
                secondFactorPassed = true;
                reportIfVerified();
                return "passed";
            }
            channel.play(Prompts.INVALID, "");
        }
        return "failed";
    }

    /** Tells the dialer once that the right party is verified (with the second factor, where one is owed). */
    private void reportIfVerified() {
        if (verified()) {
            sessions.rightPartyVerified(call.callId());
        }
    }

    private String propose(Money amount, LocalDate payBy) {
        proposedAmount = amount;
        proposedDate = payBy;
        return "ok";
    }

    private String storePromise() {
        if (proposedAmount == null) {
            throw new IllegalStateException("flow " + flow.ledgerVersion() + " stores a promise before proposing one");
        }
        try {
            promise = sessions.recordPromise(call.callId(), proposedAmount, proposedDate);
        } catch (PromiseNotRecordedException notRecorded) {
            // Never "your promise is recorded" for a promise kept nowhere: the caller hears it failed and whom to call.
            channel.play(Prompts.PROMISE_NOT_RECORDED, "");
            speaker.say("callback-number", "");
            return end(Disposition.PROMISE_NOT_RECORDED);
        }
        return "next";
    }

    private String requestAgent() {
        return switch (sessions.requestAgent(call.callId())) {
            case AgentHandoff.Bridging bridging -> {
                outcome = new FlowOutcome.HandedToAgent(bridging.agentExtension());
                yield null;
            }
            case AgentHandoff.NoAgent noAgent -> "no-agent";
        };
    }

    /** Asks for digits until {@code accept} takes them or the step's tries are spent; gives the event. */
    private String entry(FlowStep step, int maxDigits, Function<String, Optional<String>> accept) {
        for (var tries = 0; tries < step.triesAllowed(); tries++) {
            var digits = channel.readDigits(step.ask(), maxDigits, timeout(step));
            if (digits.isPresent()) {
                var event = accept.apply(digits.get());
                if (event.isPresent()) {
                    return event.get();
                }
                channel.play(Prompts.INVALID, "");
            }
        }
        return "failed";
    }

    /** How long the step waits for the caller's keys: its own timeout, or the IVR's. */
    Duration timeout(FlowStep step) {
        return step.timeoutSeconds() == null ? inputTimeout : Duration.ofSeconds(step.timeoutSeconds());
    }

    private LocalDate today() {
        return call.debtorTime().toLocalDate();
    }

    private LocalDate lastDayOfHorizon() {
        return today().plusDays(call.campaign().promiseHorizonDays());
    }

    private int wholeUnitDigits() {
        return Long.toString(call.account().amountDue().toDecimal().longValue()).length();
    }

    /** Hangs up with the verdict already decided: a caller who hangs up first at this point changes nothing. */
    String end(Disposition disposition) {
        outcome = new FlowOutcome.Finished(disposition);
        try {
            channel.hangup();
        } catch (CallerHungUpException alreadyGone) {
            // Everything the flow had to say was said; the line going down first is the same ending.
        }
        return null;
    }

    /**
     * The right-party check passed and, in a flow that asks for a second factor, the account's second factor too;
     * so a flow that routes around the question still cannot disclose the debt. Never on a location call.
     */
    @Override
    public boolean verified() {
        var secondFactorOwed = flow.asksSecondFactor() && call.account().secondFactor().question().isPresent();
        return verified && (!secondFactorOwed || secondFactorPassed) && !call.locationCall();
    }

    @Override
    public Money proposedAmount() {
        return proposedAmount;
    }

    @Override
    public LocalDate proposedDate() {
        return proposedDate;
    }

    @Override
    public PromiseToPay promise() {
        return promise;
    }
}
