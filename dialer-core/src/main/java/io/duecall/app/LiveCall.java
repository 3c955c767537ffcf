package io.duecall.app;

import io.duecall.domain.account.Contact;
import io.duecall.domain.account.E164;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.DialContext;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.Claim;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * One call from originate to its ledger line: where it stands ({@link CallState}), and what its line will say. The
 * telephony events, the IVR and the agent side each fill in their part, holding the call's monitor; the call ends
 * once the PBX has reported its end and the IVR (if it ran) has given its verdict.
 */
final class LiveCall {
    final String callId;
    final Claim claim;
    final Campaign campaign;
    final E164 number;
    /** The third party of a location call; null when the debtor's own number is called. */
    final Contact contact;
    final ZonedDateTime debtorTimeAtDial;
    /** Every zone the dial was judged in; holds the zone of {@code debtorTimeAtDial}. */
    final java.util.List<java.time.ZoneId> zones;
    /** When the Originate was sent; the window and every rule were judged at this instant. */
    final Instant originatedAt;
    /** When the PBX accepted the Originate; null until then. */
    Instant originateAcceptedAt;
    Instant answeredAt;
    Instant bridgedAt;
    Instant endedAt;
    CallOutcome outcome;
    Disposition ivrVerdict;
    AgentId agent;
    boolean abandoned;
    PromiseToPay promise;
    /** A promise the caller keyed that neither the store nor the journal could take; the caller was told so. */
    boolean promiseNotRecorded;
    /** Closed by a stop that could not wait for the call's end: what happened on it after that is unknown. */
    boolean interrupted;
    boolean ivrRunning;
    /** When the IVR first asked for this call: proof that it was answered, should its answer event be lost. */
    Instant ivrStartedAt;
    boolean ivrDone;
    String flowVersion;
    DialContext dialContext;
    /** The IVR steps the caller went through, in order (capped: a flow is short). */
    final java.util.List<String> ivrPath = new java.util.ArrayList<>();
    boolean optedOut;
    /** The person who answered confirmed being the debtor. */
    boolean rightParty;
    /** The most the call said about the debt, as the IVR reported it. */
    Disclosure disclosed = Disclosure.NOTHING;
    Instant callbackAt;
    Instant leaseExpires;
    /** Until when the call holds its agent in the roster; renewed with the account's lease while the call is up. */
    Instant agentHoldUntil;
    /**
     * Until when the PBX must report the debtor and the agent in one bridge after the move to the agent was accepted;
     * null when no such move waits for its bridge.
     */
    Instant bridgeDeadline;
    /** A bridge watch checks this call at its deadline, so the ticks leave it to the watch. */
    boolean bridgeWatched;
    /** The agent's reservation was already settled (their phone did not answer): the call's end leaves them be. */
    boolean agentSettled;
    /** Whether the pacer has been told how the call stopped ringing. */
    boolean resolutionObserved;
    /** The best-time model's chance that a person answers, when the call was placed; NaN when no model gave one. */
    double liveChance = Double.NaN;
    private CallState state = CallState.RINGING;

    LiveCall(String callId, Claim claim, Campaign campaign, E164 number, Contact contact, ZonedDateTime debtorTimeAtDial,
            java.util.List<java.time.ZoneId> zones, Instant at) {
        this.zones = zones.isEmpty() ? java.util.List.of(debtorTimeAtDial.getZone()) : java.util.List.copyOf(zones);
        this.callId = callId;
        this.contact = contact;
        this.claim = claim;
        this.campaign = campaign;
        this.number = number;
        this.debtorTimeAtDial = debtorTimeAtDial;
        this.originatedAt = at;
        this.leaseExpires = claim.leaseExpires();
    }

    CallState state() {
        return state;
    }

    /** Moves the call to {@code next}; a move its state does not list throws, naming both. */
    void moveTo(CallState next) {
        if (!state.mayMoveTo(next)) {
            throw new IllegalStateTransitionException(callId, state, next);
        }
        state = next;
    }

    /** The call was answered: a call still ringing is now in the IVR; one further on stays where it is. */
    void answered() {
        if (state instanceof CallState.Ringing) {
            moveTo(CallState.IN_IVR);
        }
    }

    /** Nothing more can happen to the call: its line is taken. */
    boolean closed() {
        return state instanceof CallState.Ended;
    }

    /**
     * Neither an answer nor a failure was reported by the PBX. An IVR session may already run on such a call (its
     * answer event is on its way, or was lost); the stale-call sweep and the pacer still count it as ringing.
     */
    boolean ringing() {
        return answeredAt == null && outcome == null;
    }

    /**
     * An answered call that will need an agent and has none yet. In agent campaigns that starts at the answer, not at
     * the IVR's request, so the pacer never spends the agent on a second call meanwhile.
     */
    boolean waitingForAgent() {
        // A location call never goes to an agent: the third party may only hear the location script.
        var wantsAgent = state instanceof CallState.WaitingForAgent
                || (campaign.mode() == CampaignMode.AGENT && contact == null);
        return wantsAgent && answeredAt != null && agent == null && !abandoned && endedAt == null && !ivrDone;
    }

    /** True once nothing more can happen to the call. */
    boolean readyToClose() {
        if (closed()) {
            return false;
        }
        if (outcome != null && outcome != CallOutcome.ANSWERED && outcome != CallOutcome.MACHINE) {
            return true;
        }
        return endedAt != null && (ivrDone || !ivrRunning);
    }

    Disposition disposition() {
        if (outcome != null && !outcome.answered()) {
            return Disposition.NOT_CONNECTED;
        }
        if (promise != null) {
            return Disposition.PROMISE_TO_PAY;
        }
        if (optedOut) {
            return Disposition.OPTED_OUT;
        }
        if (promiseNotRecorded) {
            return Disposition.PROMISE_NOT_RECORDED;
        }
        if (interrupted) {
            return Disposition.INTERRUPTED;
        }
        if (abandoned) {
            return Disposition.ABANDONED;
        }
        if (bridgedAt != null) {
            return Disposition.AGENT_CONVERSATION;
        }
        return ivrVerdict != null ? ivrVerdict : Disposition.HUNG_UP;
    }

    CallOutcome finalOutcome() {
        if (outcome == null) {
            // A call cut off before its outcome was known counts as connected: nobody is redialed early for it.
            return ivrVerdict == Disposition.MACHINE ? CallOutcome.MACHINE : CallOutcome.ANSWERED;
        }
        return outcome;
    }

    /**
     * The line to write should this call's node die before writing its own: {@code INTERRUPTED}, counted as connected,
     * ended at the latest the PBX lets it last (ring time and the campaign's maximum duration after the originate).
     */
    Attempt interruptedLine() {
        return new Attempt(callId, campaign.id(), claim.account().id(), number, debtorTimeAtDial.getZone(),
                debtorTimeAtDial.toLocalDateTime(), originatedAt, null, null,
                originatedAt.plus(campaign.ringTimeout()).plus(campaign.maxCallDuration()), CallOutcome.ANSWERED,
                Disposition.INTERRUPTED, null, false, null, null, null, dialContext, contact != null);
    }

    Attempt toAttempt() {
        return new Attempt(callId, campaign.id(), claim.account().id(), number, debtorTimeAtDial.getZone(),
                debtorTimeAtDial.toLocalDateTime(), originatedAt, answeredAt, bridgedAt, endedAt, finalOutcome(),
                disposition(), agent == null ? null : agent.value(), abandoned,
                promise == null ? null : promise.amount(), promise == null ? null : promise.payBy(), flowVersion, dialContext,
                /* locationCall= */ contact != null, rightParty || impliesRightParty(), disclosed(), zones,
                originateAcceptedAt);
    }

    /** An ending that only follows the debtor confirming who they are, whatever the IVR reported. */
    private boolean impliesRightParty() {
        return contact == null && (promise != null || disposition() == Disposition.NO_COMMITMENT);
    }

    /**
     * What the IVR reported as said; an abandoned call also heard the message naming the company, and a promise or
     * a verified debtor's verdict follows hearing the debt.
     */
    private Disclosure disclosed() {
        var said = disclosed;
        if (abandoned) {
            said = said.max(Disclosure.IDENTITY);
        }
        if (contact == null && (promise != null || disposition() == Disposition.NO_COMMITMENT)) {
            said = said.max(Disclosure.AMOUNT);
        }
        return said;
    }
}
