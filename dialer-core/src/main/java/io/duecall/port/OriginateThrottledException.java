package io.duecall.port;

/**
 * No PBX could take a call just now, though at least one is reachable: each is full or has spent its originate
 * rate. Nothing is wrong; the call may be placed as soon as a channel or a token comes back.
 */
public final class OriginateThrottledException extends TelephonyUnavailableException {
    public OriginateThrottledException(String message) {
        super(message);
    }
}
