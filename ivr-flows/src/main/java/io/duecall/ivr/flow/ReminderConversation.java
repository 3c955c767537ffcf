package io.duecall.ivr.flow;

import io.duecall.app.AgentHandoff;
import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignMode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of the reminder flow on one call, as a state machine over {@link Step}; only the transitions listed in
 * {@link #LEGAL} may happen. A wrong party and an answering machine never reach {@link Step#DISCLOSE}.
 */
final class ReminderConversation {
    static final String ANY_KEY = "0123456789*#";
    static final int MAX_TRIES = 3;

    enum Step { ANSWER, SCREEN_MACHINE, GREET, VERIFY, DISCLOSE, MENU, PROMISE, AGENT, DONE }

    private static final Map<Step, Set<Step>> LEGAL = new EnumMap<>(Map.of(
            Step.ANSWER, EnumSet.of(Step.SCREEN_MACHINE),
            Step.SCREEN_MACHINE, EnumSet.of(Step.GREET, Step.AGENT, Step.DONE),
            Step.GREET, EnumSet.of(Step.VERIFY),
            Step.VERIFY, EnumSet.of(Step.DISCLOSE, Step.DONE),
            Step.DISCLOSE, EnumSet.of(Step.MENU),
            Step.MENU, EnumSet.of(Step.PROMISE, Step.AGENT, Step.DONE),
            Step.PROMISE, EnumSet.of(Step.DONE),
            Step.AGENT, EnumSet.of(Step.DONE)));

    private final IvrCall call;
    private final IvrChannel channel;
    private final CallSessions sessions;
    private final Duration inputTimeout;
    private final CallerMessages messages;
    private boolean heardAmount;
    private boolean promised;
    private FlowOutcome outcome;

    ReminderConversation(IvrCall call, IvrChannel channel, CallSessions sessions, Duration inputTimeout) {
        this.call = call;
        this.channel = channel;
        this.sessions = sessions;
        this.inputTimeout = inputTimeout;
        this.messages = new CallerMessages(call, channel);
    }

    FlowOutcome run() {
        var step = Step.ANSWER;
        while (step != Step.DONE) {
            var next = perform(step);
            if (!LEGAL.get(step).contains(next)) {
                throw new IllegalStateException("reminder flow step: from " + step + " to " + next + " is not allowed");
            }
            step = next;
        }
        return outcome;
    }

    boolean promised() {
        return promised;
    }

    /** The verdict for a flow that ends without a promise or a hand-over. */
    Disposition verdictWithoutCommitment() {
        return promised ? Disposition.PROMISE_TO_PAY : heardAmount ? Disposition.NO_COMMITMENT : Disposition.NO_INPUT;
    }

    private Step perform(Step step) {
        return switch (step) {
            case ANSWER -> answer();
            case SCREEN_MACHINE -> screenMachine();
            case GREET -> greet();
            case VERIFY -> verify();
            case DISCLOSE -> disclose();
            case MENU -> menu();
            case PROMISE -> promise();
            case AGENT -> agent();
            case DONE -> throw new IllegalStateException("reminder flow step: DONE has no next step");
        };
    }

    private Step answer() {
        channel.answer();
        return Step.SCREEN_MACHINE;
    }

    private Step screenMachine() {
        if (channel.variable("AMDSTATUS").filter("MACHINE"::equals).isPresent()) {
            messages.machineMessage();
            return end(Disposition.MACHINE);
        }
        return call.campaign().mode() == CampaignMode.AGENT ? Step.AGENT : Step.GREET;
    }

    private Step greet() {
        messages.greeting();
        return Step.VERIFY;
    }

    private Step verify() {
        for (var tries = 0; tries < MAX_TRIES; tries++) {
            messages.askForDebtor();
            var key = ask(Prompts.PRESS_1_YES_2_NO);
            if (key.isPresent() && key.get() == '1') {
                return Step.DISCLOSE;
            }
            if (key.isPresent() && key.get() == '2') {
                messages.thirdPartyMessage();
                return end(Disposition.THIRD_PARTY);
            }
            key.ifPresent(invalid -> channel.play(Prompts.INVALID, ""));
        }
        return goodbye();
    }

    private Step disclose() {
        messages.amountAndDueDate();
        heardAmount = true;
        return Step.MENU;
    }

    private Step menu() {
        for (var tries = 0; tries < MAX_TRIES; tries++) {
            var key = ask(Prompts.MENU_PROMISE_AGENT);
            if (key.isPresent() && key.get() == '1') {
                return Step.PROMISE;
            }
            if (key.isPresent() && key.get() == '0') {
                return Step.AGENT;
            }
            key.ifPresent(invalid -> channel.play(Prompts.INVALID, ""));
        }
        return goodbye();
    }

    private Step promise() {
        var payBy = call.debtorTime().toLocalDate().plusDays(call.campaign().promiseHorizonDays());
        var stored = sessions.recordPromise(call.callId(), call.account().amountDue(), payBy);
        promised = true;
        messages.promiseConfirmed(stored.payBy());
        return end(Disposition.PROMISE_TO_PAY);
    }

    private Step agent() {
        return switch (sessions.requestAgent(call.callId())) {
            case AgentHandoff.Bridging bridging -> {
                outcome = new FlowOutcome.HandedToAgent(bridging.agentExtension());
                yield Step.DONE;
            }
            case AgentHandoff.NoAgent noAgent -> {
                messages.abandonMessage();
                yield end(Disposition.ABANDONED);
            }
        };
    }

    private Optional<Character> ask(String question) {
        var key = channel.play(question, ANY_KEY);
        return key.isPresent() ? key : channel.waitForDigit(inputTimeout);
    }

    private Step goodbye() {
        channel.play(Prompts.GOODBYE, "");
        return end(verdictWithoutCommitment());
    }

    /** Hangs up with the verdict already decided: a caller who hangs up first at this point changes nothing. */
    private Step end(Disposition disposition) {
        outcome = new FlowOutcome.Finished(disposition);
        try {
            channel.hangup();
        } catch (CallerHungUpException alreadyGone) {
            // Everything the flow had to say was said; the line going down first is the same ending.
        }
        return Step.DONE;
    }
}
