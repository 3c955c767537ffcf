package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentPool;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.pacing.AbandonCounters;
import io.duecall.domain.pacing.AgentlessPacer;
import io.duecall.domain.pacing.Pacer;
import io.duecall.domain.pacing.PacingSnapshot;
import io.duecall.domain.pacing.ProgressivePacer;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.domain.window.DebtorZones;
import io.duecall.port.AccountStore;
import io.duecall.port.AttemptLedger;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.port.Claim;
import io.duecall.port.Pause;
import io.duecall.port.PromiseStore;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's heart: each tick asks the campaign's pacer how many calls to place, claims that many accounts,
 * checks each against the calling window in the debtor's own time, and originates. Telephony events, the IVR and
 * the agent pool then complete each call, and every call ends as exactly one ledger line.
 *
 * <p>It stays one class because the call's life is one state machine shared by three threads (tick, telephony
 * events, IVR session); splitting it would scatter the locking.
 */
public final class DialerEngine implements DialCycle, CallSessions, Consumer<CallEvent> {
    static final Duration ABANDON_LOCKOUT = Duration.ofHours(72);
    private static final Duration AGENT_POLL = Duration.ofMillis(100);
    private static final Duration ENDED_GRACE = Duration.ofSeconds(30);
    private static final Duration TELEPHONY_RETRY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(DialerEngine.class);

    private final Clock clock;
    private final Pause pause;
    private final AccountStore accounts;
    private final AttemptLedger ledger;
    private final PromiseStore promises;
    private final CallOriginator telephony;
    private final AgentPool agents;
    private final Map<CampaignId, Campaign> campaigns = new LinkedHashMap<>();
    private final Map<CampaignId, Pacer> pacers = new LinkedHashMap<>();
    private final Map<CampaignId, CampaignFigures> figures = new LinkedHashMap<>();
    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();

    public DialerEngine(Clock clock, Pause pause, AccountStore accounts, AttemptLedger ledger, PromiseStore promises,
            CallOriginator telephony, AgentPool agents, List<Campaign> campaignList, int maxOriginatesPerTick) {
        this.clock = clock;
        this.pause = pause;
        this.accounts = accounts;
        this.ledger = ledger;
        this.promises = promises;
        this.telephony = telephony;
        this.agents = agents;
        for (var campaign : campaignList) {
            if (campaigns.putIfAbsent(campaign.id(), campaign) != null) {
                throw new IllegalArgumentException("campaigns: campaign " + campaign.id() + " is listed twice");
            }
            pacers.put(campaign.id(), campaign.mode() == CampaignMode.AGENT
                    ? new ProgressivePacer() : new AgentlessPacer(maxOriginatesPerTick));
            figures.put(campaign.id(), new CampaignFigures());
        }
        telephony.onEvent(this);
    }

    @Override
    public int tick(CampaignId id) {
        var campaign = campaign(id);
        var now = clock.instant();
        closeStaleCalls(now);
        int wanted = pacers.get(id).callsToPlace(snapshot(campaign, now));
        if (wanted == 0) {
            return 0;
        }
        int placed = 0;
        for (var claim : accounts.claim(id, wanted, now, campaign.lease())) {
            if (place(campaign, claim, now)) {
                placed++;
            }
        }
        return placed;
    }

    public PacingSnapshot snapshot(Campaign campaign, Instant now) {
        var ringingAges = new ArrayList<Double>();
        int waiting = 0;
        int up = 0;
        for (var call : calls.values()) {
            if (!call.campaign.id().equals(campaign.id())) {
                continue;
            }
            synchronized (call) {
                up++;
                if (call.ringing()) {
                    ringingAges.add(seconds(Duration.between(call.originatedAt, now)));
                } else if (call.waitingForAgent()) {
                    waiting++;
                }
            }
        }
        int ready = campaign.mode() == CampaignMode.AGENT ? agents.ready(campaign.id(), now) : 0;
        // The pool reports no elapsed talk or wrap-up times, so busy agents are not described to the pacer.
        return new PacingSnapshot(seconds(Duration.between(Instant.EPOCH, now)), ready, ready, 0, new double[0],
                new double[0], ringingAges.stream().mapToDouble(Double::doubleValue).toArray(), waiting, up,
                campaign.channelLimit(), AbandonCounters.NONE);
    }

    private static double seconds(Duration d) {
        return Math.max(0, d.getSeconds() + d.getNano() / 1e9);
    }

    private boolean place(Campaign campaign, Claim claim, Instant now) {
        var phone = firstNumber(claim.account());
        var decision = campaign.window().decide(DebtorZones.of(claim.account(), phone.number()), now);
        switch (decision) {
            case DialDecision.Skip skip -> {
                skip(campaign, claim, skip);
                return false;
            }
            case DialDecision.Dial dial -> {
                var callId = "c-" + UUID.randomUUID();
                var call = new LiveCall(callId, claim, campaign, phone.number(), dial.debtorTime(), now);
                calls.put(callId, call);
                try {
                    telephony.originate(new CallRequest(callId, campaign.id(), phone.number(), campaign.ringTimeout()));
                    figures.get(campaign.id()).dialed();
                    return true;
                } catch (TelephonyUnavailableException e) {
                    calls.remove(callId);
                    accounts.release(claim, now.plus(TELEPHONY_RETRY));
                    LOG.warn("originate refused for campaign {}: {}", campaign.id(), e.getMessage(), e);
                    return false;
                }
            }
        }
    }

    private void skip(Campaign campaign, Claim claim, DialDecision.Skip skip) {
        var campaignFigures = figures.get(campaign.id());
        if (skip.reason() == SkipReason.NO_ZONE) {
            campaignFigures.skippedNoZone();
        } else {
            campaignFigures.skippedOutsideWindow();
        }
        if (skip.nextEligible() == null) {
            LOG.warn("account {} leaves campaign {}: {}", claim.account().id(), campaign.id(), skip.detail());
            accounts.finish(claim);
        } else {
            accounts.release(claim, skip.nextEligible());
        }
    }

    /** Mobile first, then home, then work, as early-stage strategies call. */
    static Phone firstNumber(Account account) {
        return account.phones().stream()
                .min(Comparator.comparingInt((Phone p) -> rank(p.type())))
                .orElseThrow();
    }

    private static int rank(PhoneType type) {
        return switch (type) {
            case MOBILE -> 0;
            case HOME -> 1;
            case WORK -> 2;
        };
    }

    @Override
    public void accept(CallEvent event) {
        var call = calls.get(event.callId());
        if (call == null) {
            return;
        }
        synchronized (call) {
            switch (event) {
                case CallEvent.Answered a -> call.answeredAt = a.at();
                case CallEvent.NotConnected n -> call.outcome = n.outcome();
                case CallEvent.Bridged b -> {
                    call.bridgedAt = b.at();
                    if (call.agent != null) {
                        agents.connected(call.agent, b.at());
                    }
                }
                case CallEvent.Ended e -> {
                    call.endedAt = e.at();
                    releaseAgent(call, e.at());
                }
            }
        }
        closeIfDone(call);
    }

    private void releaseAgent(LiveCall call, Instant at) {
        if (call.agent == null) {
            return;
        }
        if (call.bridgedAt != null) {
            agents.callEnded(call.agent, at);
        } else {
            agents.unreserve(call.agent, at);
        }
    }

    @Override
    public Optional<IvrCall> find(String callId) {
        var call = callId == null ? null : calls.get(callId);
        if (call == null) {
            return Optional.empty();
        }
        synchronized (call) {
            if (call.endedAt != null || call.closed) {
                return Optional.empty();
            }
            call.ivrRunning = true;
            var zone = call.debtorTimeAtDial.getZone();
            return Optional.of(new IvrCall(callId, call.claim.account(), call.number, call.campaign,
                    clock.instant().atZone(zone)));
        }
    }

    @Override
    public PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy) {
        var call = live(callId);
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
        var stored = promises.record(new PromiseToPay(callId, account.id(), call.campaign.id(), amount, payBy,
                clock.instant()));
        synchronized (call) {
            call.promise = stored;
        }
        return stored;
    }

    @Override
    public AgentHandoff requestAgent(String callId) {
        var call = live(callId);
        var start = clock.instant();
        var deadline = start.plus(call.campaign.agentWait());
        synchronized (call) {
            call.agentRequested = true;
        }
        while (true) {
            var now = clock.instant();
            var agent = agents.reserveLongestIdle(call.campaign.id(), now);
            if (agent.isPresent()) {
                // A refused redirect almost always means the caller's leg is gone; another agent would not help.
                return bridge(call, agent.get(), now) ? new AgentHandoff.Bridging(agent.get().value()) : abandon(call);
            }
            if (!now.isBefore(deadline)) {
                return abandon(call);
            }
            try {
                pause.sleep(min(AGENT_POLL, Duration.between(now, deadline)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return abandon(call);
            }
        }
    }

    private static AgentHandoff abandon(LiveCall call) {
        synchronized (call) {
            call.abandoned = true;
        }
        return new AgentHandoff.NoAgent();
    }

    private boolean bridge(LiveCall call, AgentId agent, Instant now) {
        synchronized (call) {
            call.agent = agent;
        }
        try {
            telephony.bridgeToAgent(call.callId, agent.value());
            synchronized (call) {
                call.ivrDone = true;
            }
            return true;
        } catch (TelephonyUnavailableException e) {
            LOG.warn("bridge of call {} to agent {} refused: {}", call.callId, agent, e.getMessage());
            synchronized (call) {
                call.agent = null;
            }
            agents.unreserve(agent, now);
            return false;
        }
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
        }
        closeIfDone(call);
    }

    private LiveCall live(String callId) {
        var call = calls.get(callId);
        if (call == null) {
            throw new IllegalArgumentException("callId: '" + callId + "' is not a call in progress");
        }
        return call;
    }

    private void closeIfDone(LiveCall call) {
        Attempt attempt;
        synchronized (call) {
            if (!call.readyToClose()) {
                return;
            }
            call.closed = true;
            if (call.endedAt == null) {
                call.endedAt = clock.instant();
            }
            attempt = call.toAttempt();
        }
        calls.remove(call.callId);
        ledger.append(attempt);
        figures.get(call.campaign.id()).closed(attempt);
        returnAccount(call, attempt);
    }

    private void returnAccount(LiveCall call, Attempt attempt) {
        var retry = call.campaign.retry();
        var end = attempt.endedAt();
        switch (attempt.disposition()) {
            case PROMISE_TO_PAY, OPTED_OUT -> accounts.finish(call.claim);
            case ABANDONED -> accounts.release(call.claim, end.plus(ABANDON_LOCKOUT));
            default -> accounts.release(call.claim, end.plus(retry.delayAfter(attempt.outcome())));
        }
    }

    /**
     * Closes calls whose events were lost: a line that ended but whose IVR never reported, or a call that kept
     * ringing long past its timeout. Without this a lost event would hold a channel forever.
     */
    private void closeStaleCalls(Instant now) {
        for (var call : new ArrayList<>(calls.values())) {
            boolean stale;
            synchronized (call) {
                var endedLongAgo = call.endedAt != null && call.endedAt.plus(ENDED_GRACE).isBefore(now);
                var ringingTooLong = call.ringing()
                        && call.originatedAt.plus(call.campaign.ringTimeout()).plus(ENDED_GRACE).isBefore(now);
                stale = endedLongAgo || ringingTooLong;
                if (stale) {
                    if (ringingTooLong) {
                        call.outcome = CallOutcome.FAILED;
                    }
                    call.ivrDone = true;
                }
            }
            if (stale) {
                LOG.warn("call {} closed without all of its events", call.callId);
                closeIfDone(call);
            }
        }
    }

    public Campaign campaign(CampaignId id) {
        var campaign = campaigns.get(id);
        if (campaign == null) {
            throw new IllegalArgumentException("campaign: '" + id + "' is not configured");
        }
        return campaign;
    }

    public List<Campaign> campaigns() {
        return List.copyOf(campaigns.values());
    }

    public CampaignFigures.Snapshot figures(CampaignId id) {
        campaign(id);
        return figures.get(id).snapshot();
    }

    /** Calls placed and not yet written to the ledger. */
    public int callsInFlight() {
        return calls.size();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
