package io.duecall.sipconfig;

import java.util.List;

/** The deployment file cannot be used; the message lists every problem, each naming its key. */
public final class InvalidDeploymentException extends RuntimeException {
    public InvalidDeploymentException(String message) {
        super(message);
    }

    static InvalidDeploymentException of(String source, List<String> problems) {
        return new InvalidDeploymentException(source + " has " + problems.size() + " problem(s):\n  "
                + String.join("\n  ", problems));
    }
}
