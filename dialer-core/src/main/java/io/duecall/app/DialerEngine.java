package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.Explanation;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.domain.pacing.PacingSnapshot;
import io.duecall.domain.pacing.PredictivePacer;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.port.AccountStore;
import io.duecall.port.AttemptLedger;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.port.Claim;
import io.duecall.port.Journal;
import io.duecall.port.JournalUnavailableException;
import io.duecall.port.OriginateThrottledException;
import io.duecall.port.Pause;
import io.duecall.port.PromiseStore;
import io.duecall.port.StoreUnavailableException;
import io.duecall.port.SuppressionStore;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
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
    private static final Duration AGENT_POLL = Duration.ofMillis(100);
    private static final Duration ENDED_GRACE = Duration.ofSeconds(30);
    private static final Duration TELEPHONY_RETRY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(DialerEngine.class);
    private static final int MAX_IVR_PATH = 64;
    private static final int OUTBOX_LIMIT = 10_000;
    /** The pause reason of an agent whose phone did not answer a call moved to them. */
    public static final String PHONE_NOT_ANSWERING = "phone not answering";

    private final Clock clock;
    private final Pause pause;
    private final AccountStore accounts;
    private final AttemptLedger ledger;
    private final PromiseStore promises;
    private final CallOriginator telephony;
    private final AgentPool agents;
    private final SuppressionStore suppression;
    private final int maxOriginatesPerTick;
    private final Map<CampaignId, Campaign> campaigns = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<CampaignId, CampaignPacing> pacers = new ConcurrentHashMap<>();
    private final Eligibility eligibility;
    private final Map<CampaignId, CampaignFigures> figures = new ConcurrentHashMap<>();
    /** Ticks hold it shared; adding, replacing and removing campaigns hold it alone, so no call starts meanwhile. */
    private final ReentrantReadWriteLock campaignsLock = new ReentrantReadWriteLock();
    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    private final List<Consumer<AgentCallStarted>> agentCallListeners = new CopyOnWriteArrayList<>();
    private final LedgerOutbox outbox = new LedgerOutbox(OUTBOX_LIMIT);
    /** Where promises and ledger lines the store cannot take are kept durably until it can; by default nowhere. */
    private volatile Journal journal = Journal.none();
    private final AtomicBoolean storeAvailable = new AtomicBoolean(true);
    private final AtomicBoolean telephonyUp = new AtomicBoolean(true);
    /** Cleared by {@link #stopDialing()}: ticks go on keeping the calls in flight, and place none. */
    private final AtomicBoolean dialing = new AtomicBoolean(true);
    /** Where ended calls are written down; by default on the thread that closed the call. */
    private volatile Executor ledgerWriter = Runnable::run;
    /** Where a call moved to an agent waits for its bridge to be confirmed; null: only ticks and upkeep check. */
    private volatile Executor bridgeWatch;
    /** What agents asked for on bridged calls, wherever their desk recorded it; by default nothing. */
    private volatile Function<String, Optional<AgentDisposition>> agentRequests = callId -> Optional.empty();

    /** An engine with no suppression list: nothing is ever opted out, and an opt-out in the IVR fails. */
    public DialerEngine(Clock clock, Pause pause, AccountStore accounts, AttemptLedger ledger, PromiseStore promises,
            CallOriginator telephony, AgentPool agents, List<Campaign> campaignList, int maxOriginatesPerTick) {
        this(clock, pause, accounts, ledger, promises, NO_SUPPRESSION_LIST, telephony, agents, campaignList,
                maxOriginatesPerTick, HolidayCalendar.none(), Map.of());
    }

    /**
     * An engine with its opt-out list, the holidays on which no debtor is called (judged on the debtor's own date)
     * and each campaign's contact rules; a campaign without rules gets the defaults inside its own calling window.
     */
    public DialerEngine(Clock clock, Pause pause, AccountStore accounts, AttemptLedger ledger, PromiseStore promises,
            SuppressionStore suppression, CallOriginator telephony, AgentPool agents, List<Campaign> campaignList,
            int maxOriginatesPerTick, HolidayCalendar holidays, Map<CampaignId, ContactRules> rules) {
        this(clock, pause, accounts, ledger, promises, suppression, telephony, agents, campaignList, maxOriginatesPerTick,
                holidays, rules, Map.of());
    }

    /**
     * As above, with each campaign's pacing; a campaign without a policy dials progressive (agent campaigns) or
     * agentless (IVR campaigns). Abandon figures count days in the clock's zone; with a predictive campaign they
     * start from the ledger's last 30 days.
     */
    public DialerEngine(Clock clock, Pause pause, AccountStore accounts, AttemptLedger ledger, PromiseStore promises,
            SuppressionStore suppression, CallOriginator telephony, AgentPool agents, List<Campaign> campaignList,
            int maxOriginatesPerTick, HolidayCalendar holidays, Map<CampaignId, ContactRules> rules,
            Map<CampaignId, PacingPolicy> pacing) {
        this.suppression = Objects.requireNonNull(suppression, "suppression");
        this.clock = clock;
        this.pause = pause;
        this.accounts = accounts;
        this.ledger = ledger;
        this.promises = promises;
        this.telephony = telephony;
        this.agents = agents;
        this.maxOriginatesPerTick = maxOriginatesPerTick;
        for (var campaign : campaignList) {
            if (campaigns.putIfAbsent(campaign.id(), campaign) != null) {
                throw new IllegalArgumentException("campaigns: campaign " + campaign.id() + " is listed twice");
            }
            pacers.put(campaign.id(), pacingFor(campaign, pacing.get(campaign.id())));
            figures.put(campaign.id(), new CampaignFigures());
        }
        if (pacers.values().stream().anyMatch(p -> p.policy().mode() == PacingPolicy.Mode.PREDICTIVE)) {
            countPastAbandons(clock.instant());
        }
        this.eligibility = new Eligibility(ledger, suppression, campaignList, holidays, rules);
        telephony.onEvent(this);
    }

    /** The campaign's pacing by {@code policy}; null: progressive for agent campaigns, agentless for IVR ones. */
    private CampaignPacing pacingFor(Campaign campaign, PacingPolicy policy) {
        return new CampaignPacing(campaign, policy != null ? policy : PacingPolicy.defaultsFor(campaign.mode()),
                maxOriginatesPerTick, clock.getZone());
    }

    /** As {@link #upsert(Campaign, ContactRules, PacingPolicy)} with the default pacing of the campaign's mode. */
    public void upsert(Campaign campaign, ContactRules rules) {
        upsert(campaign, rules, null);
    }

    /**
     * Adds the campaign, or replaces the one with its id: later ticks, decisions and figures use the new definition,
     * rules (null: the defaults inside its window) and pacing (null: the default of its mode), while calls in flight
     * finish under the campaign they were placed with. A replaced campaign keeps its figures; its pacer starts afresh.
     */
    public void upsert(Campaign campaign, ContactRules rules, PacingPolicy pacing) {
        Objects.requireNonNull(campaign, "campaign");
        campaignsLock.writeLock().lock();
        try {
            campaigns.put(campaign.id(), campaign);
            pacers.put(campaign.id(), pacingFor(campaign, pacing));
            figures.putIfAbsent(campaign.id(), new CampaignFigures());
            eligibility.put(campaign, rules);
        } finally {
            campaignsLock.writeLock().unlock();
        }
    }

    /**
     * Removes the campaign. Refused with {@link IllegalStateException} while any of its calls is in flight: stop its
     * dial cycle first and remove it once they have ended. Its accounts stay stored and queued under its id.
     */
    public void remove(CampaignId id) {
        campaignsLock.writeLock().lock();
        try {
            campaign(id);
            long inFlight = calls.values().stream().filter(c -> c.campaign.id().equals(id)).count();
            if (inFlight > 0) {
                throw new IllegalStateException("campaign " + id + " has " + inFlight + " call(s) in flight (expected "
                        + "none): stop its dial cycle and remove it once they have ended");
            }
            if (outbox.size() > 0) {
                throw new IllegalStateException("campaign " + id + " cannot be removed while " + outbox.size()
                        + " ledger line(s) wait for the store to come back (expected none)");
            }
            campaigns.remove(id);
            pacers.remove(id);
            figures.remove(id);
            eligibility.remove(id);
        } finally {
            campaignsLock.writeLock().unlock();
        }
    }

    /**
     * One dial cycle. It fails closed: while the store cannot be read (so the compliance counters cannot be) or ended
     * calls still wait to be written, it places no call; the outage is logged once, and its end once.
     */
    @Override
    public int tick(CampaignId id) {
        campaignsLock.readLock().lock();
        try {
            return tickLocked(id);
        } finally {
            campaignsLock.readLock().unlock();
        }
    }

    @Override
    public void upkeep() {
        campaignsLock.readLock().lock();
        try {
            var now = clock.instant();
            flushOutbox();
            closeStaleCalls(now);
            confirmBridges(now);
            for (var campaign : campaigns()) {
                renewLeases(campaign, now);
            }
        } catch (StoreUnavailableException e) {
            storeLost(e);
        } finally {
            campaignsLock.readLock().unlock();
        }
    }

    private int tickLocked(CampaignId id) {
        var campaign = campaign(id);
        var now = clock.instant();
        int placed = 0;
        try {
            flushOutbox();
            closeStaleCalls(now);
            confirmBridges(now);
            renewLeases(campaign, now);
            var pacing = pacers.get(id);
            agents.takeFinishedWrapUps(id, now).forEach(pacing::wrapped);
            int wanted = dialing.get() && telephonyAvailable() ? pacing.callsToPlace(snapshot(campaign, now)) : 0;
            if (wanted > 0) {
                for (var claim : accounts.claim(id, wanted, now, campaign.lease())) {
                    if (place(campaign, claim)) {
                        placed++;
                    }
                }
            }
            storeAnswered();
        } catch (StoreUnavailableException e) {
            storeLost(e);
        }
        return placed;
    }

    /**
     * Applies, in order, what waits for the store: the journal's entries (those of an earlier run first), then the
     * ended calls of the outbox, whose accounts go back to the queue once their line is in. Each append and record
     * keeps its entry once however often it is replayed.
     */
    private void flushOutbox() {
        for (var entry : journal.pending()) {
            switch (entry.entry()) {
                case Journal.LedgerLine line -> ledger.append(line.attempt());
                case Journal.Promise promise -> promises.record(promise.promise());
            }
            journal.applied(entry);
        }
        for (var head = outbox.head(); head.isPresent(); head = outbox.head()) {
            var pending = head.get();
            if (!pending.appended) {
                ledger.append(pending.attempt);
                pending.appended = true;
            }
            returnAccount(pending.call, pending.attempt);
            outbox.removeHead(pending);
        }
    }

    /**
     * No claim while the PBX is unreachable: the accounts stay queued. Calls whose events were missed during the
     * outage are closed by the stale-call sweep once their ring timeout and grace are over.
     */
    private boolean telephonyAvailable() {
        boolean up = telephony.available();
        if (telephonyUp.compareAndSet(!up, up)) {
            if (up) {
                LOG.info("PBX reachable again; dialing resumes");
            } else {
                LOG.error("PBX unreachable; placing no call until it is back");
            }
        }
        return up;
    }

    private void storeLost(StoreUnavailableException e) {
        if (storeAvailable.compareAndSet(true, false)) {
            LOG.error("store unavailable, placing no call until it answers: {}", e.getMessage());
        }
    }

    private void storeAnswered() {
        if (storeAvailable.compareAndSet(false, true)) {
            LOG.info("store answers again; dialing resumes");
        }
    }

    /** Ended calls whose ledger line waits for the store. */
    public int ledgerLinesWaiting() {
        return outbox.size();
    }

    /** Journal entries (promises, ledger lines) that wait for the store, this run's and any an earlier run left. */
    public int journalEntriesWaiting() {
        return journal.pending().size();
    }

    /**
     * Keeps what the store cannot take in {@code journal}: a promise is confirmed to its caller once it is there,
     * and an ended call's line is written there before it waits in memory. What it holds from an earlier run is
     * applied before this engine places its first call.
     */
    public void journalTo(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
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
                if (call.closed) {
                    continue;
                }
                up++;
                if (call.ringing()) {
                    ringingAges.add(seconds(Duration.between(call.originatedAt, now)));
                } else if (call.waitingForAgent()) {
                    waiting++;
                }
            }
        }
        var ages = ringingAges.stream().mapToDouble(Double::doubleValue).toArray();
        var counters = pacers.get(campaign.id()).counters(now.atZone(clock.getZone()).toLocalDate());
        if (campaign.mode() != CampaignMode.AGENT) {
            return new PacingSnapshot(seconds(Duration.between(Instant.EPOCH, now)), 0, 0, 0, new double[0],
                    new double[0], ages, waiting, up, campaign.channelLimit(), counters);
        }
        var work = agents.figures().workload(campaign.id(), now);
        return new PacingSnapshot(seconds(Duration.between(Instant.EPOCH, now)), work.loggedIn(), work.ready(),
                work.reserved(), work.talkElapsed(), work.wrapElapsed(), ages, waiting, up, campaign.channelLimit(),
                counters, secondsLeftToday(campaign, now));
    }

    /**
     * How long the campaign may still place calls on the day its abandons are counted for: until the window's last
     * originate in the engine's own time zone, the zone of that day. Once that has passed (debtors further west may
     * still be called), unknown, and the pacer pays back any overspent budget at once.
     */
    private double secondsLeftToday(Campaign campaign, Instant now) {
        var local = now.atZone(clock.getZone());
        var end = local.toLocalDate().atTime(campaign.window().lastOriginate()).atZone(clock.getZone());
        return end.isAfter(local) ? seconds(Duration.between(local, end)) : Double.NaN;
    }

    /** The ledger's lines of the last 30 days, so a restart keeps today's and the rolling abandon rates. */
    private void countPastAbandons(Instant now) {
        var since = now.minus(Duration.ofDays(31));
        for (var attempt : ledger.endedSince(since)) {
            var pacing = pacers.get(attempt.campaign());
            if (pacing != null && attempt.answeredAt() != null && attempt.answeredAt().isAfter(since)) {
                pacing.closed(attempt);
            }
        }
    }

    /** Tells the pacer, once, whether an answered call is a live person, as soon as the engine knows. */
    private void observeAnswer(LiveCall call, boolean live) {
        if (call.answeredAt == null || call.resolutionObserved) {
            return;
        }
        call.resolutionObserved = true;
        pacers.get(call.campaign.id()).resolved(Duration.between(call.originatedAt, call.answeredAt), live);
    }

    private static double seconds(Duration d) {
        return Math.max(0, d.getSeconds() + d.getNano() / 1e9);
    }

    /**
     * Decides and places one claimed call at the instant it is sent, not at the tick's: the originates of one tick
     * leave one after another, and each is judged (window in every zone, every contact rule) and timed when it leaves,
     * so none goes out past the last instant its rules permit and its line carries when it really left. A call a dead
     * node placed for this account and never wrote is written first, as interrupted.
     */
    private boolean place(Campaign campaign, Claim claim) {
        var now = clock.instant();
        if (!writeInterrupted(claim, now)) {
            return false;
        }
        var choice = eligibility.decide(campaign.id(), claim.account(), now);
        switch (choice.decision()) {
            case DialDecision.Skip skip -> {
                skip(campaign, claim, skip);
                return false;
            }
            case DialDecision.Dial dial -> {
                var callId = "c-" + UUID.randomUUID();
                var number = choice.number().orElseThrow();
                var call = new LiveCall(callId, claim, campaign, number, choice.contact().orElse(null),
                        dial.debtorTime(), dial.zones(), now);
                call.dialContext = choice.context();
                // Recorded with the account before the PBX hears of it, so a node that dies now leaves the call
                // findable: whoever claims the account next writes its line (see writeInterrupted).
                ledger.placed(call.interruptedLine());
                calls.put(callId, call);
                try {
                    telephony.originate(new CallRequest(callId, campaign.id(), number, campaign.ringTimeout(),
                            campaign.maxCallDuration()));
                    if (!telephony.reportsAcceptance()) {
                        var accepted = clock.instant();
                        synchronized (call) {
                            call.originateAcceptedAt = accepted;
                        }
                    }
                    figures.get(campaign.id()).dialed();
                    return true;
                } catch (OriginateThrottledException e) {
                    // Every PBX is full or at its rate: back to the queue now, to be claimed again next tick.
                    calls.remove(callId);
                    ledger.notPlaced(claim.account().id(), callId);
                    accounts.release(claim, now);
                    LOG.debug("originate throttled for campaign {}: {}", campaign.id(), e.getMessage());
                    return false;
                } catch (TelephonyUnavailableException e) {
                    calls.remove(callId);
                    ledger.notPlaced(claim.account().id(), callId);
                    accounts.release(claim, now.plus(TELEPHONY_RETRY));
                    LOG.warn("originate refused for campaign {}: {}", campaign.id(), e.getMessage(), e);
                    return false;
                }
            }
        }
    }

    /**
     * Writes an {@code INTERRUPTED} line for each call of the just-claimed account that was placed and never written
     * (its node died, or was killed, while the call was up), so the contact rules count it before the account is
     * dialed again. A call that may still be up (its PBX bound is not over) is left alone and the account goes back
     * until then; returns false in that case.
     */
    private boolean writeInterrupted(Claim claim, Instant now) {
        Instant upUntil = null;
        for (var line : ledger.unwritten(claim.account().id())) {
            if (calls.containsKey(line.callId())) {
                continue;
            }
            if (line.endedAt().isAfter(now)) {
                upUntil = upUntil == null || line.endedAt().isAfter(upUntil) ? line.endedAt() : upUntil;
                continue;
            }
            ledger.append(line);
            LOG.warn("call {} of account {} (originated {}) was never written by the node that placed it; "
                    + "written INTERRUPTED", line.callId(), line.account(), line.originatedAt());
        }
        if (upUntil != null) {
            accounts.release(claim, upUntil);
            return false;
        }
        return true;
    }

    private void skip(Campaign campaign, Claim claim, DialDecision.Skip skip) {
        figures.get(campaign.id()).skipped(skip.reason());
        if (skip.nextEligible() == null) {
            LOG.info("account {} leaves campaign {}: {}", claim.account().id(), campaign.id(), skip.detail());
            accounts.finish(claim);
        } else {
            accounts.release(claim, skip.nextEligible());
        }
    }

    /** The decision every dial of this engine goes through, for callers that explain it. */
    public Eligibility eligibility() {
        return eligibility;
    }

    /** Why the account is or is not dialable now and when it next will be, rule by rule. */
    public Optional<Explanation> explain(CampaignId id, AccountId accountId) {
        campaign(id);
        return accounts.find(accountId).map(account -> eligibility.explain(id, account, clock.instant()));
    }

    @Override
    public void accept(CallEvent event) {
        var call = calls.get(event.callId());
        if (call == null) {
            return;
        }
        AgentCallStarted started = null;
        synchronized (call) {
            switch (event) {
                case CallEvent.OriginateAccepted o -> call.originateAcceptedAt = o.at();
                case CallEvent.Answered a -> call.answeredAt = a.at();
                case CallEvent.NotConnected n when call.ivrStartedAt != null -> {
                    // The IVR served this call, so it was answered: its answer was lost with the PBX connection
                    // and the reconciliation found its channel gone. It ended by the time it was reported.
                    if (call.answeredAt == null) {
                        call.answeredAt = call.ivrStartedAt;
                    }
                    if (call.endedAt == null) {
                        call.endedAt = n.at();
                    }
                    releaseAgent(call, n.at());
                }
                case CallEvent.NotConnected n -> {
                    call.outcome = n.outcome();
                    if (!call.resolutionObserved) {
                        call.resolutionObserved = true;
                        pacers.get(call.campaign.id()).resolved(Duration.between(call.originatedAt, n.at()), false);
                    }
                }
                case CallEvent.Bridged b when call.abandoned || call.bridgedAt != null -> LOG.warn(
                        "call {}: bridge with agent {} reported after the call was {}; ignored", call.callId,
                        b.agentExtension(), call.abandoned ? "abandoned" : "already bridged");
                case CallEvent.Bridged b -> {
                    call.bridgedAt = b.at();
                    call.bridgeDeadline = null;
                    if (call.agent != null) {
                        agentStep(call, "connect", () -> agents.connected(call.agent, call.callId, b.at()));
                        started = new AgentCallStarted(call.callId, call.agent, call.campaign,
                                call.claim.account(), call.debtorTimeAtDial.getZone(), b.at(), call.number,
                                call.ivrPath);
                    }
                }
                case CallEvent.Ended e -> {
                    call.endedAt = e.at();
                    if (call.bridgedAt != null && call.agent != null) {
                        pacers.get(call.campaign.id()).talked(Duration.between(call.bridgedAt, e.at()));
                    }
                    releaseAgent(call, e.at());
                }
            }
        }
        if (started != null) {
            var bridged = started;
            agentCallListeners.forEach(listener -> listener.accept(bridged));
        }
        closeIfDone(call);
    }

    /**
     * Writes each ended call's ledger line and returns its account on {@code writer} rather than on the thread that
     * closed the call: the AMI event thread, an IVR session or the tick. Those writes are store round trips, and on
     * the event thread they would hold back every later event, among them the answers the agent path waits for.
     * The account stays leased, and the call in flight, until its line is written. A writer that refuses the work
     * (it is shutting down) leaves it to the closing thread.
     */
    public void writeLedgerOn(Executor writer) {
        this.ledgerWriter = Objects.requireNonNull(writer, "writer");
    }

    /**
     * Where the engine reads, when it returns a bridged call's account, what the agent asked for on the call (a
     * callback time, or a promise): an agent whose desk another node serves records it there, out of this engine's
     * reach, and the node's own requeue is refused while this engine holds the account.
     */
    public void agentRequestsFrom(Function<String, Optional<AgentDisposition>> requests) {
        this.agentRequests = Objects.requireNonNull(requests, "requests");
    }

    /** Registers a listener told when a call reaches its agent (the screen pop); it runs on the event thread and must not block. */
    public void onAgentCall(Consumer<AgentCallStarted> listener) {
        agentCallListeners.add(listener);
    }

    private void releaseAgent(LiveCall call, Instant at) {
        if (call.agent == null || call.agentSettled) {
            return;
        }
        if (call.bridgedAt != null) {
            agentStep(call, "end the call of", () -> agents.callEnded(call.agent, call.callId, at));
        } else {
            agentStep(call, "unreserve", () -> agents.unreserve(call.agent, call.callId, at));
        }
    }

    /**
     * Changes the call's agent on the telephony thread, which must go on to the ledger line whatever happens: a hold
     * that lapsed (another node may have the agent now) or an unreachable store is logged, and the agent is free
     * again once the hold's lease is over.
     */
    private static void agentStep(LiveCall call, String what, BooleanSupplier step) {
        try {
            if (!step.getAsBoolean()) {
                LOG.warn("call {}: could not {} agent {}: the call's hold on them had lapsed", call.callId, what,
                        call.agent);
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("call {}: could not {} agent {}: {}", call.callId, what, call.agent, e.getMessage());
        }
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
        var call = callId == null ? null : calls.get(callId);
        if (call == null) {
            return Optional.empty();
        }
        synchronized (call) {
            if (call.endedAt != null || call.closed) {
                return Optional.empty();
            }
            call.ivrRunning = true;
            if (call.ivrStartedAt == null) {
                call.ivrStartedAt = clock.instant();
            }
            var zone = call.debtorTimeAtDial.getZone();
            return Optional.of(new IvrCall(callId, call.claim.account(), call.number, call.campaign,
                    clock.instant().atZone(zone), Optional.ofNullable(call.contact)));
        }
    }

    @Override
    public PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy) {
        var call = live(callId);
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
        PromiseToPay stored;
        try {
            stored = promises.record(promise);
        } catch (StoreUnavailableException storeDown) {
            storeLost(storeDown);
            try {
                journal.append(new Journal.Promise(promise));
                stored = promise;
                LOG.warn("call {}: promise kept in the journal until the store answers: {}", callId,
                        storeDown.getMessage());
            } catch (JournalUnavailableException noJournal) {
                synchronized (call) {
                    call.promiseNotRecorded = true;
                }
                LOG.error("call {}: promise of {} by {} could not be recorded: {}; {}", callId, amount, payBy,
                        storeDown.getMessage(), noJournal.getMessage());
                throw new PromiseNotRecordedException("promise of call " + callId + " could not be recorded: "
                        + storeDown.getMessage() + "; " + noJournal.getMessage(), storeDown);
            }
        }
        synchronized (call) {
            call.promise = stored;
        }
        return stored;
    }

    @Override
    public AgentHandoff requestAgent(String callId) {
        var call = live(callId);
        refuseOnLocationCall(call, "agent");
        var start = clock.instant();
        var deadline = start.plus(call.campaign.agentWait());
        synchronized (call) {
            call.agentRequested = true;
            observeAnswer(call, true);
        }
        while (true) {
            var now = clock.instant();
            var holdUntil = now.plus(call.campaign.lease());
            Optional<AgentId> agent;
            try {
                agent = agents.reserveFor(call.campaign.id(), call.claim.account().language(),
                        seat -> seat.pbx() == null || telephony.reaches(seat.pbx()), call.callId, holdUntil, now);
            } catch (StoreUnavailableException e) {
                LOG.warn("call {}: no agent could be reserved: {}", call.callId, e.getMessage());
                return abandon(call);
            }
            if (agent.isPresent()) {
                synchronized (call) {
                    call.agentHoldUntil = holdUntil;
                }
                // A refused redirect almost always means the caller's leg is gone; another agent would not help.
                return bridge(call, agent.get(), now, deadline) ? new AgentHandoff.Bridging(agent.get().value())
                        : abandon(call);
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

    /**
     * Moves the call to the agent. The move being accepted is not yet a conversation: the PBX must report the debtor
     * and the agent in one bridge by {@code deadline} (the campaign's agent wait from the request), or the call is
     * abandoned ({@link #confirmBridges}).
     */
    private boolean bridge(LiveCall call, AgentId agent, Instant now, Instant deadline) {
        synchronized (call) {
            call.agent = agent;
        }
        try {
            telephony.bridgeToAgent(call.callId, agent.value());
            synchronized (call) {
                call.ivrDone = true;
                if (call.bridgedAt == null) {
                    call.bridgeDeadline = deadline;
                }
            }
            watchBridge(call, deadline);
            return true;
        } catch (TelephonyUnavailableException e) {
            LOG.warn("bridge of call {} to agent {} refused: {}", call.callId, agent, e.getMessage());
            agentStep(call, "unreserve", () -> agents.unreserve(agent, call.callId, now));
            synchronized (call) {
                call.agent = null;
            }
            return false;
        }
    }

    /**
     * Checks each call moved to an agent on {@code watch} at its bridge deadline, so a phone that does not answer is
     * found then rather than at the next tick. Tasks wait with the engine's {@link Pause}.
     */
    public void confirmBridgesOn(Executor watch) {
        this.bridgeWatch = Objects.requireNonNull(watch, "watch");
    }

    private void watchBridge(LiveCall call, Instant deadline) {
        var watch = bridgeWatch;
        if (watch == null) {
            return;
        }
        synchronized (call) {
            call.bridgeWatched = true;
        }
        try {
            watch.execute(() -> {
                try {
                    var left = Duration.between(clock.instant(), deadline);
                    if (left.isPositive()) {
                        pause.sleep(left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                confirmBridge(call, clock.instant());
            });
        } catch (RejectedExecutionException e) {
            synchronized (call) {
                call.bridgeWatched = false;
            }
            LOG.debug("call {}: bridge watch refused ({}); the next tick checks it", call.callId, e.getMessage());
        }
    }

    /** Abandons every call moved to an agent (and not left to a bridge watch) whose bridge was not reported in time. */
    public void confirmBridges() {
        confirmBridges(clock.instant());
    }

    /** The ticks' check: calls no bridge watch looks after (the PBX is asked on the watch's thread, not the tick's). */
    private void confirmBridges(Instant now) {
        for (var call : calls.values()) {
            boolean watched;
            synchronized (call) {
                watched = call.bridgeWatched;
            }
            if (!watched) {
                confirmBridge(call, now);
            }
        }
    }

    /**
     * A call moved to an agent whose bridge did not come by its deadline takes the abandon path: the PBX plays the
     * abandon message (company and callback number) instead of more ringing, the call is written abandoned (so the
     * abandon lockout applies and the campaign's abandon rate counts it), and the agent whose phone did not answer is
     * paused with {@link #PHONE_NOT_ANSWERING} rather than offered the next call.
     */
    private void confirmBridge(LiveCall call, Instant now) {
        synchronized (call) {
            if (call.bridgeDeadline == null || now.isBefore(call.bridgeDeadline)) {
                return;
            }
            call.bridgeDeadline = null;
            if (call.bridgedAt != null || call.endedAt != null || call.closed) {
                return;
            }
        }
        // The bridge's events may still be on their way (a busy event queue); the PBX itself knows.
        if (telephony.inBridge(call.callId).orElse(false)) {
            LOG.debug("call {}: bridged by the PBX's channel list; its bridge event is on its way", call.callId);
            return;
        }
        AgentId agent;
        synchronized (call) {
            if (call.bridgedAt != null || call.endedAt != null || call.closed) {
                return;
            }
            call.abandoned = true;
            call.agentSettled = true;
            agent = call.agent;
        }
        LOG.warn("call {}: agent {} did not answer within the agent wait; playing the abandon message", call.callId,
                agent);
        try {
            telephony.playAbandonMessage(call.callId);
        } catch (TelephonyUnavailableException e) {
            LOG.warn("call {}: abandon message not started: {}", call.callId, e.getMessage());
        }
        if (agent != null) {
            agentStep(call, "pause", () -> agents.notAnswering(agent, call.callId, PHONE_NOT_ANSWERING, now));
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
            if (disposition == Disposition.MACHINE) {
                observeAnswer(call, false);
            }
        }
        closeIfDone(call);
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
        var call = live(callId);
        synchronized (call) {
            call.flowVersion = flowVersion;
        }
    }

    @Override
    public void optOut(String callId) {
        var call = live(callId);
        if (suppression == NO_SUPPRESSION_LIST) {
            throw new IllegalStateException("opt-out of call " + callId + ": this engine has no suppression list");
        }
        suppression.optOut(call.number, clock.instant(), "ivr:" + callId);
        synchronized (call) {
            call.optedOut = true;
        }
    }

    @Override
    public void scheduleCallback(String callId, Instant at) {
        var call = live(callId);
        var now = clock.instant();
        var latest = now.plus(Duration.ofDays(MAX_CALLBACK_DELAY_DAYS));
        if (!at.isAfter(now) || at.isAfter(latest)) {
            throw new IllegalArgumentException("callback.at: " + at + " (expected after " + now + " and at most " + latest + ")");
        }
        synchronized (call) {
            call.callbackAt = at;
        }
    }

    /** For engines built without a suppression list: nothing is opted out, and recording an opt-out fails. */
    private static final SuppressionStore NO_SUPPRESSION_LIST = new SuppressionStore() {
        @Override
        public void optOut(E164 number, Instant at, String source) {
            throw new IllegalStateException("no suppression list");
        }

        @Override
        public boolean isOptedOut(E164 number) {
            return false;
        }

        @Override
        public Set<E164> optedOut(Collection<E164> numbers) {
            return Set.of();
        }

        @Override
        public boolean doNotCall(E164 number, Instant at, String reason, String source) {
            throw new IllegalStateException("no suppression list");
        }

        @Override
        public Set<E164> onDoNotCallList(Collection<E164> numbers) {
            return Set.of();
        }
    };

    /** The location flow offers neither; a flow that tries anyway is stopped before the third party hears more. */
    private static void refuseOnLocationCall(LiveCall call, String what) {
        if (call.contact != null) {
            throw new IllegalStateException(what + " on call " + call.callId + ": it is a location call to a third party");
        }
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
            observeAnswer(call, attempt.outcome() == CallOutcome.ANSWERED);
        }
        figures.get(call.campaign.id()).closed(attempt);
        pacers.get(call.campaign.id()).closed(attempt);
        Runnable write = () -> write(call, attempt);
        try {
            ledgerWriter.execute(write);
        } catch (RejectedExecutionException e) {
            write.run();
        }
    }

    /**
     * Appends the ended call's line and returns its account, or, while the store is away, writes the line to the
     * journal and leaves both to the outbox.
     */
    private void write(LiveCall call, Attempt attempt) {
        var pending = new LedgerOutbox.Pending(call, attempt, false);
        // Until its account is back (or its line waits in the outbox) the call counts as in flight, so its campaign
        // cannot be removed meanwhile.
        try {
            if (outbox.size() == 0) {
                try {
                    ledger.append(attempt);
                    pending.appended = true;
                    returnAccount(call, attempt);
                    return;
                } catch (StoreUnavailableException e) {
                    storeLost(e);
                }
            }
            try {
                journal.append(new Journal.LedgerLine(attempt));
            } catch (JournalUnavailableException e) {
                LOG.warn("call {}: its ledger line waits in memory only: {}", call.callId, e.getMessage());
            }
            if (!outbox.add(pending)) {
                LOG.error("ledger outbox full ({} lines); this line is lost unless copied from here: {}", OUTBOX_LIMIT,
                        E164.maskNumbers(String.valueOf(attempt)));
            }
        } finally {
            calls.remove(call.callId);
        }
    }

    /**
     * Puts the account back in the queue at the first instant the contact rules allow another call (the attempt just
     * written is part of its history now), or takes it out: after a promise, or when no number may ever be called.
     */
    private void returnAccount(LiveCall call, Attempt attempt) {
        var account = call.claim.account();
        boolean ask = call.bridgedAt != null && call.agent != null && call.callbackAt == null
                && attempt.disposition() != Disposition.PROMISE_TO_PAY;
        var request = ask ? agentRequest(call) : Optional.<AgentDisposition>empty();
        if (attempt.disposition() == Disposition.PROMISE_TO_PAY
                || request.filter(r -> r.outcome() == AgentDisposition.Outcome.PROMISE).isPresent()) {
            accounts.finish(call.claim);
            return;
        }
        var callbackAt = call.callbackAt != null ? call.callbackAt
                : request.map(AgentDisposition::callbackAt).orElse(null);
        // A callback the debtor chose is still a call: it waits for the first instant every rule permits.
        var from = callbackAt != null && callbackAt.isAfter(attempt.endedAt()) ? callbackAt : attempt.endedAt();
        var next = switch (eligibility.decide(call.campaign.id(), account, from).decision()) {
            case DialDecision.Dial dial -> from;
            case DialDecision.Skip skip -> {
                figures.get(call.campaign.id()).deferred(skip.reason());
                yield skip.nextEligible();
            }
        };
        if (next == null) {
            accounts.finish(call.claim);
            return;
        }
        accounts.release(call.claim, next);
        if (ask && request.isEmpty()) {
            // A desk on another node may have recorded its disposition after the read above, its own requeue refused
            // because this engine still held the account: read once more now that the account is back.
            agentRequest(call).ifPresent(late -> honourLate(call, late));
        }
    }

    private Optional<AgentDisposition> agentRequest(LiveCall call) {
        try {
            return agentRequests.apply(call.callId);
        } catch (IllegalStateException unreadable) {
            LOG.warn("Call {}: the agent's disposition could not be read; its account returns as usual: {}",
                    call.callId, unreadable.getMessage());
            return Optional.empty();
        }
    }

    private void honourLate(LiveCall call, AgentDisposition request) {
        var account = call.claim.account();
        if (request.outcome() == AgentDisposition.Outcome.PROMISE) {
            accounts.remove(call.campaign.id(), account.id());
            return;
        }
        var next = eligibility.nextEligible(call.campaign.id(), account, request.callbackAt());
        if (next != null) {
            accounts.requeue(call.campaign.id(), account.id(), next);
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

    /**
     * Keeps the lease of every call of the campaign still in progress at least half a lease ahead, so no other dialer
     * takes the account while its call is up, however long the call lasts.
     */
    private void renewLeases(Campaign campaign, Instant now) {
        var renewBefore = now.plus(campaign.lease().dividedBy(2));
        for (var call : calls.values()) {
            if (!call.campaign.id().equals(campaign.id())) {
                continue;
            }
            renewAgentHold(call, now, renewBefore);
            synchronized (call) {
                if (call.closed || call.leaseExpires.isAfter(renewBefore)) {
                    continue;
                }
            }
            var expires = now.plus(campaign.lease());
            if (accounts.renew(call.claim, expires)) {
                synchronized (call) {
                    call.leaseExpires = expires;
                }
            } else {
                LOG.warn("call {}: the lease of account {} was lost while the call was up", call.callId,
                        call.claim.account().id());
                synchronized (call) {
                    call.leaseExpires = Instant.MAX;
                }
            }
        }
    }

    /**
     * Keeps the call's hold on its agent at least half a lease ahead while the call is up, so other nodes leave the
     * agent alone however long the call lasts, and take them once this node stops renewing (it died, say).
     */
    private void renewAgentHold(LiveCall call, Instant now, Instant renewBefore) {
        AgentId agent;
        synchronized (call) {
            agent = call.agent;
            if (agent == null || call.agentSettled || call.endedAt != null || call.closed || call.agentHoldUntil.isAfter(renewBefore)) {
                return;
            }
        }
        var until = now.plus(call.campaign.lease());
        if (agents.renewHold(agent, call.callId, until, now)) {
            synchronized (call) {
                call.agentHoldUntil = until;
            }
        } else {
            LOG.warn("call {}: the hold on agent {} had lapsed while the call was up", call.callId, agent);
            synchronized (call) {
                call.agentHoldUntil = Instant.MAX;
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
        synchronized (campaigns) {
            return List.copyOf(campaigns.values());
        }
    }

    /** What the campaign's predictive pacer has done so far; empty when the campaign is paced otherwise. */
    public Optional<PredictivePacer.Activity> predictiveActivity(CampaignId id) {
        var pacing = pacers.get(id);
        return pacing == null ? Optional.empty() : pacing.predictiveActivity();
    }

    public CampaignFigures.Snapshot figures(CampaignId id) {
        var counts = figures.get(id);
        if (counts == null) {
            throw new IllegalArgumentException("campaign: '" + id + "' is not configured");
        }
        return counts.snapshot();
    }

    /** Calls placed and not yet written to the ledger. */
    public int callsInFlight() {
        return calls.size();
    }

    /**
     * The first step of a stop: from now on no tick claims or places a call, while ticks and upkeep go on renewing
     * the leases of the calls in flight and writing their lines as they end. It cannot be undone.
     */
    public void stopDialing() {
        if (dialing.compareAndSet(true, false)) {
            LOG.info("dialing stopped; {} call(s) in flight are let finish", calls.size());
        }
    }

    public boolean dialing() {
        return dialing.get();
    }

    /** Asks the PBX to hang up every call still up; returns how many it was asked for. Their lines follow their ends. */
    public int hangUpAll() {
        int asked = 0;
        for (var call : new ArrayList<>(calls.values())) {
            synchronized (call) {
                if (call.closed || call.endedAt != null) {
                    continue;
                }
            }
            try {
                telephony.hangup(call.callId);
                asked++;
            } catch (TelephonyUnavailableException | RuntimeException e) {
                LOG.warn("call {}: hang-up refused: {}", call.callId, e.getMessage());
            }
        }
        return asked;
    }

    /**
     * The last step of a stop that cannot wait any longer: every call not yet written is closed as it stands and
     * written {@code INTERRUPTED} (unless it ended, or had a promise or an opt-out, which stand), counted by the
     * contact rules as connected. Returns how many were closed so.
     */
    public int closeAllNow() {
        int closed = 0;
        var now = clock.instant();
        for (var call : new ArrayList<>(calls.values())) {
            synchronized (call) {
                if (call.closed) {
                    continue;
                }
                boolean known = call.endedAt != null && (call.ivrDone || !call.ivrRunning);
                if (!known && (call.outcome == null || call.outcome.answered())) {
                    call.interrupted = true;
                }
                if (call.endedAt == null) {
                    call.endedAt = now;
                }
                call.ivrDone = true;
            }
            closed++;
            closeIfDone(call);
        }
        return closed;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
