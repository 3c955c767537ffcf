package io.duecall.ivr.flow;

import java.util.List;

/** A flow definition that cannot be run; the message lists every problem, each naming its step. */
public final class InvalidFlowException extends RuntimeException {
    private final List<String> problems;

    public InvalidFlowException(String source, List<String> problems) {
        super("flow " + source + " is invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
