package io.duecall.port;

/**
 * The PBX could not be reached or refused an action; the cause says why. The engine tries the call again later, so
 * the account goes back to the queue.
 */
public class TelephonyUnavailableException extends Exception {
    public TelephonyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public TelephonyUnavailableException(String message) {
        super(message);
    }
}
