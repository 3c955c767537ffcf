package io.duecall.ivr.flow;

/** The caller's line went away while the IVR was talking to it; no more prompts can be played. */
public final class CallerHungUpException extends RuntimeException {
    public CallerHungUpException(Throwable cause) {
        super("caller hung up", cause);
    }

    public CallerHungUpException() {
        super("caller hung up");
    }
}
