package io.duecall.app;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.besttime.BestTime;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.Explanation;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.domain.pacing.PacingSnapshot;
import io.duecall.domain.pacing.PredictivePacer;
import io.duecall.port.AccountStore;
import io.duecall.port.Pause;
import io.duecall.port.StoreUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer: each tick asks the campaign's pacer how many calls to place, claims that many accounts, checks each
 * against the calling window in the debtor's own time, and originates. Telephony events, the IVR and the agent pool
 * then complete each call, and every call ends as exactly one ledger line. Built with {@link #builder}.
 *
 * <p>The work is done by its parts: {@link CampaignRegistry} (campaigns, their lock, pacing and figures),
 * {@link DialTick}, {@link CallLifecycle} (the PBX's events, closing calls), {@link IvrSessions} and
 * {@link AgentBridging} (the IVR's side), {@link CallWriter} and {@link AccountReturn} (the ledger line, the outbox,
 * the account's return), {@link LeaseKeeper} and {@link StaleCallSweep}. Each call's state is a {@link LiveCall}
 * guarded by its own monitor, whichever thread (tick, telephony events, IVR session) changes it.
 */
public final class DialerEngine implements DialCycle {
    private static final Logger LOG = LoggerFactory.getLogger(DialerEngine.class);
    /** The pause reason of an agent whose phone did not answer a call moved to them. */
    public static final String PHONE_NOT_ANSWERING = "phone not answering";

    private final Clock clock;
    private final AccountStore accounts;
    private final CallsInFlight calls = new CallsInFlight();
    private final CampaignRegistry campaigns;
    private final Outages outages;
    private final DialTick dialTick;
    private final CallWriter writer;
    private final AccountReturn returns;
    private final BestTimeScheduler bestTime;
    private final CallLifecycle lifecycle;
    private final AgentBridging bridging;
    private final IvrSessions sessions;
    private final LeaseKeeper leases;
    private final StaleCallSweep staleCalls;
    /** Cleared by {@link #stopDialing()}: ticks go on keeping the calls in flight, and place none. */
    private final AtomicBoolean dialing = new AtomicBoolean(true);

    DialerEngine(DialerEngineBuilder b) {
        this.clock = b.clock;
        this.accounts = b.accounts;
        this.campaigns = new CampaignRegistry(b.clock, b.maxOriginatesPerTick, b.ledger, b.suppression, b.campaigns,
                b.holidays, b.rules, b.pacing);
        this.outages = new Outages(b.telephony);
        this.dialTick = new DialTick(clock, campaigns, calls, accounts, b.ledger, b.telephony, b.agents,
                b.bestTime);
        this.bestTime = b.bestTime;
        this.returns = new AccountReturn(accounts, campaigns, b.bestTime);
        this.writer = new CallWriter(b.ledger, b.promises, b.journal, b.ledgerWriter, calls, returns, outages);
        this.lifecycle = new CallLifecycle(clock, calls, campaigns, b.agents, b.telephony, writer);
        this.bridging = new AgentBridging(clock, b.pause, calls, campaigns, b.agents, b.telephony, b.bridgeWatch);
        this.sessions = new IvrSessions(clock, calls, b.telephony, b.promises, b.journal, b.suppression, outages,
                campaigns, bridging, lifecycle);
        this.leases = new LeaseKeeper(calls, accounts, b.agents);
        this.staleCalls = new StaleCallSweep(calls, lifecycle);
        b.telephony.onEvent(lifecycle);
    }

    /** An engine on {@code clock}, waiting (for a free agent, for a bridge's deadline) with {@code pause}. */
    public static DialerEngineBuilder builder(Clock clock, Pause pause) {
        return new DialerEngineBuilder(clock, pause);
    }

    /**
     * Adds the campaign, or replaces the one with its id: later ticks, decisions and figures use the new definition,
     * rules (null: the defaults inside its window) and pacing (null: the default of its mode), while calls in flight
     * finish under the campaign they were placed with. A replaced campaign keeps its figures; its pacer starts afresh.
     */
    public void upsert(Campaign campaign, ContactRules rules, PacingPolicy pacing) {
        campaigns.upsert(campaign, rules, pacing);
    }

    /** Whether, and within which hold, the campaign calls at its debtors' best time from now on (null: it does not). */
    public void bestTime(CampaignId campaign, BestTime bestTime) {
        this.bestTime.use(campaign, bestTime);
    }

    /**
     * Removes the campaign. Refused with {@link IllegalStateException} while any of its calls is in flight: stop its
     * dial cycle first and remove it once they have ended. Its accounts stay stored and queued under its id.
     */
    public void remove(CampaignId id) {
        campaigns.remove(id, () -> calls.of(id), writer::linesWaiting);
    }

    /**
     * One dial cycle. It fails closed: while the store cannot be read (so the compliance counters cannot be) or ended
     * calls still wait to be written, it places no call; the outage is logged once, and its end once.
     */
    @Override
    public int tick(CampaignId id) {
        return campaigns.whileOpen(() -> {
            var campaign = campaigns.campaign(id);
            var now = clock.instant();
            int placed = 0;
            try {
                keepUp(List.of(campaign), now);
                placed = dialTick.dial(campaign, now, () -> dialing.get() && outages.telephonyAvailable());
                outages.storeAnswered();
            } catch (StoreUnavailableException e) {
                outages.storeLost(e);
            }
            return placed;
        });
    }

    @Override
    public void upkeep() {
        campaigns.whileOpen(() -> {
            try {
                keepUp(campaigns.campaigns(), clock.instant());
            } catch (StoreUnavailableException e) {
                outages.storeLost(e);
            }
            return null;
        });
    }

    /** What waits for the store first, then calls whose events were lost, unconfirmed bridges, leases and holds. */
    private void keepUp(List<Campaign> campaignsToRenew, Instant now) {
        writer.flush();
        staleCalls.sweep(now);
        bridging.confirmUnwatched(now);
        for (var campaign : campaignsToRenew) {
            leases.renew(campaign, now);
        }
    }

    /** What the IVR asks of this engine while it serves one of its calls. */
    public CallSessions sessions() {
        return sessions;
    }

    /** Abandons every call moved to an agent (and not left to a bridge watch) whose bridge was not reported in time. */
    public void confirmBridges() {
        bridging.confirmUnwatched(clock.instant());
    }

    /** Ended calls whose ledger line waits for the store. */
    public int ledgerLinesWaiting() {
        return writer.linesWaiting();
    }

    /** Journal entries (promises, ledger lines) that wait for the store, this run's and any an earlier run left. */
    public int journalEntriesWaiting() {
        return writer.journalEntriesWaiting();
    }

    /** What the pacer is given about the campaign at {@code now}: calls ringing and waiting, agents, counters. */
    public PacingSnapshot snapshot(Campaign campaign, Instant now) {
        return dialTick.snapshot(campaign, now);
    }

    /** The decision every dial of this engine goes through, for callers that explain it. */
    public Eligibility eligibility() {
        return campaigns.eligibility();
    }

    /** Why the account is or is not dialable now and when it next will be, rule by rule. */
    public Optional<Explanation> explain(CampaignId id, AccountId accountId) {
        campaigns.campaign(id);
        return accounts.find(accountId).map(account -> eligibility().explain(id, account, clock.instant()));
    }

    /**
     * Where the engine reads, when it returns a bridged call's account, what the agent asked for on the call (a
     * callback time, or a promise): an agent whose desk another node serves records it there, out of this engine's
     * reach, and the node's own requeue is refused while this engine holds the account.
     */
    public void agentRequestsFrom(Function<String, Optional<AgentDisposition>> requests) {
        returns.agentRequestsFrom(requests);
    }

    /** Registers a listener told when a call reaches its agent (the screen pop); it runs on the event thread and must not block. */
    public void onAgentCall(Consumer<AgentCallStarted> listener) {
        lifecycle.onAgentCall(listener);
    }

    public Campaign campaign(CampaignId id) {
        return campaigns.campaign(id);
    }

    public List<Campaign> campaigns() {
        return campaigns.campaigns();
    }

    /** What the campaign's predictive pacer has done so far; empty when the campaign is paced otherwise. */
    public Optional<PredictivePacer.Activity> predictiveActivity(CampaignId id) {
        return campaigns.predictiveActivity(id);
    }

    public CampaignFigures.Snapshot figures(CampaignId id) {
        return campaigns.figures(id);
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
        return lifecycle.hangUpAll();
    }

    /**
     * The last step of a stop that cannot wait any longer: every call not yet written is closed as it stands and
     * written {@code INTERRUPTED} (unless it ended, or had a promise or an opt-out, which stand), counted by the
     * contact rules as connected. Returns how many were closed so.
     */
    public int closeAllNow() {
        return lifecycle.closeAllNow();
    }
}
