package io.duecall.ivr.flow;

import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import java.time.Duration;
import java.util.Optional;

/**
 * One run of a {@link FlowDefinition} on one call: speaks each step, runs its action or asks its question, and
 * follows the step's routing until an end or a hand-over to an agent. A promise is stored before any step can
 * confirm it; a step that speaks about the debt before the right-party check fails instead of speaking. Under
 * {@link MachinePolicy#HANG_UP} a detected machine ends the call at once, before the flow can say anything.
 */
final class FlowRun {
    static final String ANY_KEY = "0123456789*#";
    private static final int MAX_STEPS = 200;

    private final FlowDefinition flow;
    private final IvrCall call;
    private final IvrChannel channel;
    private final CallSessions sessions;
    private final FlowActions actions;
    private final Speaker speaker;
    private boolean heardAmount;
    private boolean nameSpoken;
    /** A key that interrupted the lead-in to a menu: it answers that menu when the flow reaches it. */
    private Character pendingKey;

    FlowRun(FlowDefinition flow, IvrCall call, IvrChannel channel, CallSessions sessions, Duration inputTimeout,
            MachinePolicy machinePolicy) {
        this.flow = flow;
        this.call = call;
        this.channel = LocalizedChannel.of(channel, flow.languages(), call.account().language());
        this.sessions = sessions;
        this.actions = new FlowActions(flow, call, this.channel, sessions, inputTimeout, machinePolicy);
        this.speaker = actions.speaker();
    }

    FlowOutcome run() {
        if (call.locationCall() && !flow.forThirdParties()) {
            throw new IllegalStateException("flow " + flow.ledgerVersion() + " is not a third-party flow; call "
                    + call.callId() + " is a location call");
        }
        channel.answer();
        var stepId = flow.start();
        for (var steps = 0; actions.outcome() == null; steps++) {
            if (steps == MAX_STEPS) {
                throw new IllegalStateException("flow " + flow.ledgerVersion() + " ran " + MAX_STEPS + " steps without ending");
            }
            sessions.stepReached(call.callId(), stepId);
            stepId = perform(stepId, flow.step(stepId));
        }
        return actions.outcome();
    }

    /**
     * The verdict for a caller who hung up: what they committed to stands; a debtor who heard the debt and hung up had
     * a conversation all the same (no commitment); anything else is a hang-up.
     */
    Disposition verdictOnHangup() {
        return actions.promise() != null ? Disposition.PROMISE_TO_PAY : actions.optedOut() ? Disposition.OPTED_OUT
                : heardAmount ? Disposition.NO_COMMITMENT : Disposition.HUNG_UP;
    }

    /** The verdict for a flow that ends without a promise or a hand-over. */
    Disposition verdictWithoutCommitment() {
        return actions.promise() != null ? Disposition.PROMISE_TO_PAY : actions.optedOut() ? Disposition.OPTED_OUT
                : heardAmount ? Disposition.NO_COMMITMENT : Disposition.NO_INPUT;
    }

    private String perform(String id, FlowStep step) {
        if (step.action() != null) {
            step.say().forEach(item -> say(item, ""));
            var event = actions.act(FlowAction.named(step.action()).orElseThrow(), step);
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
            return actions.end("auto".equals(step.end()) ? verdictWithoutCommitment() : Disposition.valueOf(step.end()));
        }
        return step.next();
    }

    private Optional<Character> say(String item, String escapeDigits) {
        if (Speaker.ABOUT_THE_DEBT.contains(item) && actions.verified()) {
            sessions.disclosed(call.callId(), Disclosure.AMOUNT);
        } else if ("company".equals(item)) {
            sessions.disclosed(call.callId(), Disclosure.IDENTITY);
        }
        // Counted as heard once it starts: a debtor who hangs up halfway through the amount heard about the debt.
        heardAmount |= "amount-due".equals(item) && actions.verified();
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
        return key.isPresent() ? key : channel.waitForDigit(actions.timeout(step));
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
}
