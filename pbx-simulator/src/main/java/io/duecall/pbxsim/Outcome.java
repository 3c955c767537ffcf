package io.duecall.pbxsim;

/** What happens when the simulator dials a number. */
public enum Outcome {
    /** A person answers. */
    ANSWERED,
    /** An answering machine picks up; the caller never presses a key. */
    MACHINE,
    BUSY,
    /** Rings until the Originate timeout. */
    NO_ANSWER,
    CONGESTION,
    /** The number does not exist (Originate Reason 0). */
    FAILED
}
