package io.duecall.port;

/** A store (Redis in production) could not be reached or refused a command; the cause says why. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
