package io.duecall.ivr.flow;

import io.duecall.app.AgentHandoff;
import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.app.PromiseNotRecordedException;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.SecondFactor;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One run of a {@link FlowDefinition} on one call: speaks each step, runs its action or asks its question, and
 * follows the step's routing until an end or a hand-over to an agent. A promise is stored before any step can
 * confirm it; a step that speaks about the debt before the right-party check fails instead of speaking. Under
 * {@link MachinePolicy#HANG_UP} a detected machine ends the call at once, before the flow can say anything.
 */
final class FlowRun implements Speaker.State {
    static final String ANY_KEY = "0123456789*#";
    private static final int MAX_STEPS = 200;
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
    private boolean heardAmount;
    private boolean optedOut;
    private boolean nameSpoken;
    /** A key that interrupted the lead-in to a menu: it answers that menu when the flow reaches it. */
    private Character pendingKey;
    private Money proposedAmount;
    private LocalDate proposedDate;
    private PromiseToPay promise;
    private FlowOutcome outcome;

    FlowRun(FlowDefinition flow, IvrCall call, IvrChannel channel, CallSessions sessions, Duration inputTimeout,
            MachinePolicy machinePolicy) {
        this.flow = flow;
        this.machinePolicy = machinePolicy;
        this.call = call;
        this.channel = LocalizedChannel.of(channel, flow.languages(), call.account().language());
        this.sessions = sessions;
        this.inputTimeout = inputTimeout;
        this.speaker = new Speaker(call, this.channel, this);
    }

    FlowOutcome run() {
        if (call.locationCall() && !flow.forThirdParties()) {
            throw new IllegalStateException("flow " + flow.ledgerVersion() + " is not a third-party flow; call "
                    + call.callId() + " is a location call");
        }
        channel.answer();
        var stepId = flow.start();
        for (var steps = 0; outcome == null; steps++) {
            if (steps == MAX_STEPS) {
                throw new IllegalStateException("flow " + flow.ledgerVersion() + " ran " + MAX_STEPS + " steps without ending");
            }
            sessions.stepReached(call.callId(), stepId);
            stepId = perform(stepId, flow.step(stepId));
        }
        return outcome;
    }

    /**
     * The verdict for a caller who hung up: what they committed to stands; a debtor who heard the debt and hung up had
     * a conversation all the same (no commitment); anything else is a hang-up.
     */
    Disposition verdictOnHangup() {
        return promise != null ? Disposition.PROMISE_TO_PAY : optedOut ? Disposition.OPTED_OUT
                : heardAmount ? Disposition.NO_COMMITMENT : Disposition.HUNG_UP;
    }

    /** The verdict for a flow that ends without a promise or a hand-over. */
    Disposition verdictWithoutCommitment() {
        return promise != null ? Disposition.PROMISE_TO_PAY : optedOut ? Disposition.OPTED_OUT
                : heardAmount ? Disposition.NO_COMMITMENT : Disposition.NO_INPUT;
    }

    private String perform(String id, FlowStep step) {
        if (step.action() != null) {
            step.say().forEach(item -> say(item, ""));
            var event = act(FlowAction.named(step.action()).orElseThrow(), step);
            return event == null ? null : step.on().get(event);
        }
        if (step.ask() != null) {
            return menu(step);
        }
        if (pendingKey == null) {
            var question = questionAfter(step);
            for (var item : step.say()) {
                var key = say(item, question == null ? "" : keysFor(question));
                if (key.isPresent()) {
                    // The caller answered the question this step leads to; the rest of the lead-in is skipped.
                    pendingKey = key.get();
                    break;
                }
            }
        }
        if (step.end() != null) {
            return end("auto".equals(step.end()) ? verdictWithoutCommitment() : Disposition.valueOf(step.end()));
        }
        return step.next();
    }

    private Optional<Character> say(String item, String escapeDigits) {
        if (Speaker.ABOUT_THE_DEBT.contains(item) && verified()) {
            sessions.disclosed(call.callId(), Disclosure.AMOUNT);
        } else if ("company".equals(item)) {
            sessions.disclosed(call.callId(), Disclosure.IDENTITY);
        }
        // Counted as heard once it starts: a debtor who hangs up halfway through the amount heard about the debt.
        heardAmount |= "amount-due".equals(item) && verified();
        var key = speaker.say(item, escapeDigits);
        nameSpoken |= "first-name".equals(item);
        return key;
    }

    /**
     * Asks a menu up to its tries. Its lead-in, the question and the "not a valid choice" before asking again are all
     * played with the menu's keys as escape digits, so a caller who knows the menu answers at once; a key pressed in
     * the step that led here ({@link #pendingKey}) answers the first try without anything being played.
     */
    private String menu(FlowStep step) {
        for (var tries = 0; tries < step.triesAllowed(); tries++) {
            var key = pendingKey != null ? Optional.of(pendingKey) : ask(step);
            pendingKey = null;
            if (key.isPresent() && step.on().containsKey(key.get().toString())) {
                return step.on().get(key.get().toString());
            }
            if (key.isPresent()) {
                channel.play(Prompts.INVALID, keysFor(step)).ifPresent(answer -> pendingKey = answer);
            }
        }
        pendingKey = null;
        return step.on().get("failed");
    }

    private Optional<Character> ask(FlowStep step) {
        for (var item : step.say()) {
            var key = say(item, keysFor(step));
            if (key.isPresent()) {
                return key;
            }
        }
        var key = channel.play(step.ask(), keysFor(step));
        return key.isPresent() ? key : channel.waitForDigit(timeout(step));
    }

    /**
     * The keys that may interrupt a prompt leading to {@code menu}: its own keys, except that a right-party question
     * hears none until the debtor's name has been spoken (a key pressed before that confirms nothing).
     */
    private String keysFor(FlowStep menu) {
        return !nameSpoken && isRightPartyQuestion(menu) ? "" : menu.menuKeys();
    }

    private boolean isRightPartyQuestion(FlowStep menu) {
        return menu.on().values().stream()
                .anyMatch(next -> FlowAction.VERIFIED.yamlName().equals(flow.step(next).action()));
    }

    /** The menu a step that only speaks leads to, through other such steps, if any; its prompts lead to that question. */
    private FlowStep questionAfter(FlowStep step) {
        var next = step;
        for (var hops = 0; hops < MAX_STEPS && next.next() != null; hops++) {
            next = flow.step(next.next());
            if (next.action() != null || next.end() != null) {
                return null;
            }
            if (next.ask() != null) {
                return next;
            }
        }
        return null;
    }

    private String act(FlowAction action, FlowStep step) {
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
    private String entry(FlowStep step, int maxDigits, java.util.function.Function<String, Optional<String>> accept) {
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

    private Duration timeout(FlowStep step) {
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
    private String end(Disposition disposition) {
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
