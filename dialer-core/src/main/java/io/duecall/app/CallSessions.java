package io.duecall.app;

import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** What the IVR asks of the dialer while it serves an answered call. Methods may block; each IVR call has its own thread. */
public interface CallSessions {

    /** The call with this id, if the dialer placed it and it is still up. */
    Optional<IvrCall> find(String callId);

    /**
     * As {@link #find(String)}, from an IVR session that the PBX opened on {@code channel}: the dialer may pass the
     * channel on to the telephony, so that bridging the call need not wait for the PBX's answer event to name it.
     */
    default Optional<IvrCall> find(String callId, String channel) {
        return find(callId);
    }

    /** Stores the promise durably and returns the stored one; a second call for the same call id returns the first promise. */
    PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy);

    /** Waits up to the campaign's agent wait for a free agent and asks the PBX to bridge the call to them. */
    AgentHandoff requestAgent(String callId);

    /** Notes which version of which IVR flow serves the call, for its ledger line; given once when the flow starts. */
    void flowStarted(String callId, String flowVersion);

    /**
     * The person who answered confirmed being the debtor. From then on the call is a conversation with the debtor,
     * however it ends (Regulation F 1006.14(b)(2)); the ledger line says so in its {@code rpc} column.
     */
    default void rightPartyVerified(String callId) {}

    /**
     * The IVR is about to say {@code what} (the business name, or something about the debt). Reported before it is
     * said, so a hang-up in the middle still counts; the ledger keeps the most reported in its {@code disclosed} column.
     */
    default void disclosed(String callId, Disclosure what) {}

    /** The IVR entered a step of its flow; the steps in order are the path the agent's screen shows. */
    default void stepReached(String callId, String step) {}

    /** Stops every campaign from calling this call's number again, durably and at once; the call ends opted out. */
    void optOut(String callId);

    /**
     * Returns the account to the queue to be called back at {@code at} (the debtor's choice) instead of after the
     * usual retry delay; {@code at} must lie after now and within {@link #MAX_CALLBACK_DELAY_DAYS} days.
     */
    void scheduleCallback(String callId, Instant at);

    int MAX_CALLBACK_DELAY_DAYS = 7;

    /** The IVR's verdict on the call, given once when its flow ends (before or after the caller hangs up). */
    void finished(String callId, Disposition disposition);
}
