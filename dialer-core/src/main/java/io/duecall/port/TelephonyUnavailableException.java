package io.duecall.port;

/** The PBX could not be reached or refused an action; the cause says why. */
public final class TelephonyUnavailableException extends Exception {
    public TelephonyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public TelephonyUnavailableException(String message) {
        super(message);
    }
}
