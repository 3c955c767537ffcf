package io.duecall.ivr.flow;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in actions a flow step may run, each with the events it can end in (every one of which the step must
 * route in {@code on}). Actions marked {@code aboutTheDebt} may only run after {@link #VERIFIED}.
 */
public enum FlowAction {
    /** Answering machine, live person, or a live person in an agent campaign. */
    SCREEN_MACHINE("screen-machine", false, Set.of("human", "machine", "agent-campaign")),
    /** Waits for the machine's beep or silence, so a message is never left half-recorded. */
    WAIT_FOR_BEEP("wait-for-beep", false, Set.of("next")),
    /** The caller said they are the named debtor; from here on the debt may be spoken. */
    VERIFIED("verified", false, Set.of("next")),
    /**
     * Asks the caller who said they are the debtor for the account's second factor (year of birth, else the last
     * four digits of an identity number): {@code passed}, {@code failed} once the step's tries are spent, or
     * {@code none} when the account has no second factor.
     */
    SECOND_FACTOR("second-factor", false, Set.of("passed", "failed", "none")),
    /** Proposes the full amount by the last day of the promise horizon. */
    PROPOSE_FULL("propose-full", true, Set.of("next")),
    /** Asks for a date as four digits, month then day, within the horizon; {@code ask} is the question. */
    ENTER_DATE("enter-date", true, Set.of("ok", "failed")),
    /** Asks for a part of the amount in whole units; pays by the horizon's last day; {@code ask} is the question. */
    ENTER_AMOUNT("enter-amount", true, Set.of("ok", "failed")),
    /** Stores the proposed promise durably (once per call) before anything confirms it. */
    STORE_PROMISE("store-promise", true, Set.of("next")),
    /** Asks the dialer for an agent; on success the flow ends and the PBX bridges the call. */
    REQUEST_AGENT("request-agent", false, Set.of("no-agent")),
    /** Asks for an hour (two digits, 9 to 20) to be called back at, today or tomorrow; {@code ask} is the question. */
    ENTER_CALLBACK_HOUR("enter-callback-hour", false, Set.of("ok", "failed")),
    /** Stops all calls to this number, at once and everywhere. */
    OPT_OUT("opt-out", false, Set.of("next"));

    private final String yamlName;
    private final boolean aboutTheDebt;
    private final Set<String> events;

    FlowAction(String yamlName, boolean aboutTheDebt, Set<String> events) {
        this.yamlName = yamlName;
        this.aboutTheDebt = aboutTheDebt;
        this.events = events;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean aboutTheDebt() {
        return aboutTheDebt;
    }

    public Set<String> events() {
        return events;
    }

    boolean asksQuestion() {
        return this == ENTER_DATE || this == ENTER_AMOUNT || this == ENTER_CALLBACK_HOUR;
    }

    public static Optional<FlowAction> named(String name) {
        return Arrays.stream(values()).filter(a -> a.yamlName.equals(name)).findFirst();
    }
}
