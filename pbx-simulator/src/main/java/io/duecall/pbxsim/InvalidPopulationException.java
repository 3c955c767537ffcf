package io.duecall.pbxsim;

/** A population file that cannot be used; the message names the key and what was expected. */
public final class InvalidPopulationException extends IllegalArgumentException {
    public InvalidPopulationException(String message) {
        super(message);
    }

    public InvalidPopulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
