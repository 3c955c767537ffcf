package io.duecall.ivr.flow;

import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.domain.attempt.Disposition;
import java.time.Duration;
import java.util.Objects;

/**
 * The debtor-facing reminder: screens out answering machines, checks it is talking to the debtor before saying
 * anything about the debt, then takes a promise or hands over to an agent. It reports its verdict to
 * {@link CallSessions#finished} exactly once, unless the call is being bridged to an agent.
 */
public final class ReminderFlow {
    private final CallSessions sessions;
    private final Duration inputTimeout;

    /** @param inputTimeout how long the caller has to press a key after a question has been asked */
    public ReminderFlow(CallSessions sessions, Duration inputTimeout) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        if (inputTimeout == null || inputTimeout.isNegative() || inputTimeout.isZero()) {
            throw new IllegalArgumentException("ivr.inputTimeout: " + inputTimeout + " (expected > 0)");
        }
        this.inputTimeout = inputTimeout;
    }

    public FlowOutcome run(IvrCall call, IvrChannel channel) {
        var conversation = new ReminderConversation(call, channel, sessions, inputTimeout);
        FlowOutcome outcome;
        try {
            outcome = conversation.run();
        } catch (CallerHungUpException e) {
            outcome = new FlowOutcome.Finished(conversation.promised() ? Disposition.PROMISE_TO_PAY : Disposition.HUNG_UP);
        } catch (RuntimeException e) {
            // The dialer must still learn how far the call got, even though the flow could not go on.
            sessions.finished(call.callId(), conversation.verdictWithoutCommitment());
            throw e;
        }
        if (outcome instanceof FlowOutcome.Finished finished) {
            sessions.finished(call.callId(), finished.disposition());
        }
        return outcome;
    }
}
