package io.duecall.app;

import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.CallOriginator;
import io.duecall.port.Journal;
import io.duecall.port.JournalUnavailableException;
import io.duecall.port.PromiseStore;
import io.duecall.port.StoreUnavailableException;
import io.duecall.port.SuppressionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR's side of a call: what the flow may know about it, and what it reports (promises, opt-outs, callbacks,
 * its path and verdict), kept on the call for its ledger line. A promise is confirmed to the caller only once it is
 * stored, or kept in the journal while the store is away.
 */
final class IvrSessions implements CallSessions {
    private static final Logger LOG = LoggerFactory.getLogger(IvrSessions.class);
    private static final int MAX_IVR_PATH = 64;

    private final Clock clock;
    private final CallsInFlight calls;
    private final CallOriginator telephony;
    private final PromiseStore promises;
    private final Journal journal;
    private final SuppressionStore suppression;
    private final Outages outages;
    private final CampaignRegistry campaigns;
    private final AgentBridging bridging;
    private final CallLifecycle lifecycle;

    IvrSessions(Clock clock, CallsInFlight calls, CallOriginator telephony, PromiseStore promises, Journal journal,
            SuppressionStore suppression, Outages outages, CampaignRegistry campaigns, AgentBridging bridging,
            CallLifecycle lifecycle) {
        this.clock = clock;
        this.calls = calls;
        this.telephony = telephony;
        this.promises = promises;
        this.journal = journal;
        this.suppression = suppression;
        this.outages = outages;
        this.campaigns = campaigns;
        this.bridging = bridging;
        this.lifecycle = lifecycle;
    }

    /** As {@link #find(String)}; a call in progress tells the telephony which channel its IVR session runs on. */
    @Override
    public Optional<IvrCall> find(String callId, String channel) {
        var found = find(callId);
        if (found.isPresent() && channel != null) {
            telephony.answeredOn(callId, channel);
        }
        return found;
    }

    @Override
    public Optional<IvrCall> find(String callId) {
        var call = calls.get(callId);
        if (call == null) {
            return Optional.empty();
        }
        synchronized (call) {
            if (call.endedAt != null || call.closed()) {
                return Optional.empty();
            }
            call.ivrRunning = true;
            if (call.ivrStartedAt == null) {
                call.ivrStartedAt = clock.instant();
            }
            call.answered();
            var zone = call.debtorTimeAtDial.getZone();
            return Optional.of(new IvrCall(callId, call.claim.account(), call.number, call.campaign,
                    clock.instant().atZone(zone), Optional.ofNullable(call.contact)));
        }
    }

    @Override
    public PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy) {
        var call = calls.live(callId);
        refuseOnLocationCall(call, "promise");
        var account = call.claim.account();
        var today = clock.instant().atZone(call.debtorTimeAtDial.getZone()).toLocalDate();
        if (!amount.currency().equals(account.amountDue().currency()) || amount.minor() <= 0
                || amount.minor() > account.amountDue().minor()) {
            throw new IllegalArgumentException("promise.amount: " + amount + " (expected more than 0 and at most "
                    + account.amountDue() + ")");
        }
        if (payBy.isBefore(today) || payBy.isAfter(today.plusDays(call.campaign.promiseHorizonDays()))) {
            throw new IllegalArgumentException("promise.payBy: " + payBy + " (expected " + today + " to "
                    + today.plusDays(call.campaign.promiseHorizonDays()) + ")");
        }
        var promise = new PromiseToPay(callId, account.id(), call.campaign.id(), amount, payBy, clock.instant());
        var stored = store(call, promise);
        synchronized (call) {
            call.promise = stored;
        }
        return stored;
    }

    private PromiseToPay store(LiveCall call, PromiseToPay promise) {
        try {
            return promises.record(promise);
        } catch (StoreUnavailableException storeDown) {
            outages.storeLost(storeDown);
            try {
                journal.append(new Journal.Promise(promise));
                LOG.warn("call {}: promise kept in the journal until the store answers: {}", call.callId,
                        storeDown.getMessage());
                return promise;
            } catch (JournalUnavailableException noJournal) {
                synchronized (call) {
                    call.promiseNotRecorded = true;
                }
                LOG.error("call {}: promise of {} by {} could not be recorded: {}; {}", call.callId, promise.amount(),
                        promise.payBy(), storeDown.getMessage(), noJournal.getMessage());
                throw new PromiseNotRecordedException("promise of call " + call.callId + " could not be recorded: "
                        + storeDown.getMessage() + "; " + noJournal.getMessage(), storeDown);
            }
        }
    }

    @Override
    public AgentHandoff requestAgent(String callId) {
        var call = calls.live(callId);
        refuseOnLocationCall(call, "agent");
        return bridging.requestAgent(call);
    }

    @Override
    public void finished(String callId, Disposition disposition) {
        var call = calls.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            call.ivrVerdict = disposition;
            call.ivrDone = true;
            if (disposition == Disposition.MACHINE) {
                campaigns.observeAnswer(call, false);
            }
        }
        lifecycle.closeIfDone(call);
    }

    @Override
    public void rightPartyVerified(String callId) {
        var call = calls.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            call.rightParty = true;
        }
    }

    @Override
    public void disclosed(String callId, Disclosure what) {
        var call = calls.get(callId);
        if (call == null || what == null) {
            return;
        }
        synchronized (call) {
            call.disclosed = call.disclosed.max(what);
        }
    }

    @Override
    public void stepReached(String callId, String step) {
        var call = calls.get(callId);
        if (call == null || step == null) {
            return;
        }
        synchronized (call) {
            if (call.ivrPath.size() < MAX_IVR_PATH) {
                call.ivrPath.add(step);
            }
        }
    }

    @Override
    public void flowStarted(String callId, String flowVersion) {
        var call = calls.live(callId);
        synchronized (call) {
            call.flowVersion = flowVersion;
        }
    }

    @Override
    public void optOut(String callId) {
        var call = calls.live(callId);
        if (suppression == NoSuppressionList.INSTANCE) {
            throw new IllegalStateException("opt-out of call " + callId + ": this engine has no suppression list");
        }
        suppression.optOut(call.number, clock.instant(), "ivr:" + callId);
        synchronized (call) {
            call.optedOut = true;
        }
    }

    @Override
    public void scheduleCallback(String callId, Instant at) {
        var call = calls.live(callId);
        var now = clock.instant();
        var latest = now.plus(Duration.ofDays(MAX_CALLBACK_DELAY_DAYS));
        if (!at.isAfter(now) || at.isAfter(latest)) {
            throw new IllegalArgumentException("callback.at: " + at + " (expected after " + now + " and at most "
                    + latest + ")");
        }
        synchronized (call) {
            call.callbackAt = at;
        }
    }

    /** The location flow offers neither; a flow that tries anyway is stopped before the third party hears more. */
    private static void refuseOnLocationCall(LiveCall call, String what) {
        if (call.contact != null) {
            throw new IllegalStateException(what + " on call " + call.callId + ": it is a location call to a third party");
        }
    }
}
