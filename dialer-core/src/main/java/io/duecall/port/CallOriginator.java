package io.duecall.port;

import java.util.function.Consumer;

/** Places and controls calls on a PBX. Progress arrives later, as {@link CallEvent}s, on the registered listener. */
public interface CallOriginator extends AutoCloseable {

    /** Registers the one listener for call events; it must not block. */
    void onEvent(Consumer<CallEvent> listener);

    /**
     * Whether the PBX can take calls now, by the originator's own health check; an originator with no such check
     * says true and lets {@link #originate} refuse.
     */
    default boolean available() {
        return true;
    }

    /** Asks the PBX to place the call; returns once the PBX has accepted (queued) it. */
    void originate(CallRequest request) throws TelephonyUnavailableException;

    /**
     * Moves an answered call out of the IVR to the agent's extension, where the PBX bridges the two.
     * Returns once the PBX has accepted the move.
     */
    void bridgeToAgent(String callId, String agentExtension) throws TelephonyUnavailableException;

    /** Hangs up the debtor's leg of a call, if it is still up. */
    void hangup(String callId) throws TelephonyUnavailableException;

    @Override
    void close();
}
