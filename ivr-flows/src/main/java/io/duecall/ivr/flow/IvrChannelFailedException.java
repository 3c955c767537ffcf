package io.duecall.ivr.flow;

/** The channel could not carry out a command for a reason other than the caller hanging up. */
public final class IvrChannelFailedException extends RuntimeException {
    public IvrChannelFailedException(String command, Throwable cause) {
        super("IVR command failed: " + command, cause);
    }
}
