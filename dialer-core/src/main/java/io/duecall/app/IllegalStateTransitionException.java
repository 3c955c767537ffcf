package io.duecall.app;

import java.util.stream.Collectors;

/** A call was asked to move between two states that no call moves between: a defect of the caller, never of input. */
public final class IllegalStateTransitionException extends IllegalStateException {
    IllegalStateTransitionException(String callId, CallState from, CallState to) {
        super("call " + callId + ": cannot move from " + from.describe() + " to " + to.describe() + " (expected "
                + expected(from) + ")");
    }

    private static String expected(CallState from) {
        var legal = CallState.ALL.stream().filter(from::mayMoveTo).map(CallState::describe)
                .collect(Collectors.joining(", "));
        return legal.isEmpty() ? "no move: " + from.describe() + " is final" : "one of: " + legal;
    }
}
