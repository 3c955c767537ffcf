package io.duecall.engine;

import io.duecall.app.CallSessions;
import io.duecall.domain.attempt.Attempt;
import io.duecall.port.AttemptLedger;
import java.util.function.Consumer;

/**
 * How a test call's engine ({@code ./duecall test-call}) differs from a dialer's: its accounts and promises live in a
 * key space of their own ({@link #keyPrefix}), its ledger lines go to the deployment's ledger marked {@code test} and
 * to {@code lines}, each thing the IVR reports goes to {@code steps}, and it has no journal, dial cycle or promise
 * sweep.
 */
record TestCallWiring(Consumer<String> steps, Consumer<Attempt> lines) {
    /** The key prefix of the test calls' accounts and promises beside the deployment's {@code prefix}. */
    static String keyPrefix(String prefix) {
        return prefix + ".test-call";
    }

    /** The ledger the test call's dialer writes to: the deployment's, each line marked and also handed to lines. */
    AttemptLedger ledger(AttemptLedger deployment) {
        return new TestCallLedger(deployment, lines);
    }

    /** The dialer's call sessions as the IVR sees them, each step also printed. */
    CallSessions sessions(CallSessions dialer) {
        return new PrintedCallSessions(dialer, steps);
    }
}
