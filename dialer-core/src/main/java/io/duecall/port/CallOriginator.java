package io.duecall.port;

import java.util.Optional;
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

    /**
     * Whether an agent phone registered on the PBX named {@code pbx} can be reached now: that PBX is one of this
     * originator's and is up. An originator that does not know PBXs by name says true.
     */
    default boolean reaches(String pbx) {
        return true;
    }

    /**
     * Asks the PBX to place the call. Returns once the PBX has accepted (queued) it, or, for an originator that
     * {@link #reportsAcceptance()}, once the request has been sent: its acceptance comes later as
     * {@link CallEvent.OriginateAccepted}, a refusal as {@link CallEvent.NotConnected}.
     */
    void originate(CallRequest request) throws TelephonyUnavailableException;

    /** Whether {@link #originate} returns once sent and reports the PBX's acceptance as an event. */
    default boolean reportsAcceptance() {
        return false;
    }

    /**
     * Moves an answered call out of the IVR to the agent's extension, where the PBX bridges the two.
     * Returns once the PBX has accepted the move.
     */
    void bridgeToAgent(String callId, String agentExtension) throws TelephonyUnavailableException;

    /**
     * The IVR serves the answered call on {@code channel}, as the PBX named it when it opened the IVR session. An
     * originator that learns channels from the PBX's events may use it until an event names the channel, so that
     * {@link #bridgeToAgent} need not wait for that event. Ignored by default.
     */
    default void answeredOn(String callId, String channel) {}

    /**
     * Moves an answered call whose agent never joined it to the PBX's abandon-message context, where the caller hears
     * the company's name and callback number before the line is hung up; it leaves whatever the call was doing then
     * (ringing an agent's phone). Returns once the PBX has accepted the move. An originator with no such context
     * refuses.
     */
    default void playAbandonMessage(String callId) throws TelephonyUnavailableException {
        throw new TelephonyUnavailableException("abandon message for " + callId + ": this PBX has no abandon context");
    }

    /**
     * Whether the PBX has the call's debtor leg in a bridge now, asked of the PBX itself rather than read from events
     * (which may still be on their way): empty when this originator cannot tell.
     */
    default Optional<Boolean> inBridge(String callId) {
        return Optional.empty();
    }

    /** Hangs up the debtor's leg of a call, if it is still up. */
    void hangup(String callId) throws TelephonyUnavailableException;

    @Override
    void close();
}
