package io.duecall.app;

import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.DispositionRecord;
import io.duecall.domain.agent.ScreenPop;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.AccountStore;
import io.duecall.port.AttemptLedger;
import io.duecall.port.DispositionLog;
import io.duecall.port.PromiseStore;
import io.duecall.port.ScreenPops;
import io.duecall.port.SuppressionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The agents' side of bridged calls: builds the screen pop when a call reaches an agent and stores it in the shared
 * {@link ScreenPops}, so whichever node serves the agent's desk shows it, and records the agent's disposition
 * durably in the {@link DispositionLog}, once per call. Dispositions that stop calls act at once for every campaign:
 * an opt-out suppresses the dialed number, a dispute, bankruptcy or death flags the account and takes it out of every
 * queue, and a callback requeues the account at the first instant the contact rules permit. The pop reads only the
 * account's own history and promises, never a whole store.
 */
public final class AgentDesk implements Consumer<AgentCallStarted> {
    private static final int HISTORY = 10;
    private static final int LOCKS = 64;
    private final Clock clock;
    private final CallSessions sessions;
    private final PromiseStore promises;
    private final AttemptLedger ledger;
    private final AccountStore accounts;
    private final SuppressionStore suppression;
    private final DispositionLog log;
    private final Eligibility eligibility;
    private final ScreenPops pops;
    private final Object[] locks = new Object[LOCKS];
    private final Map<CampaignId, AtomicLong> promisesAfterCall = new ConcurrentHashMap<>();
    private final List<Consumer<ScreenPop>> listeners = new CopyOnWriteArrayList<>();

    public AgentDesk(Clock clock, CallSessions sessions, PromiseStore promises, AttemptLedger ledger,
            AccountStore accounts, SuppressionStore suppression, DispositionLog log, Eligibility eligibility,
            ScreenPops pops) {
        this.clock = clock;
        this.sessions = sessions;
        this.promises = promises;
        this.ledger = ledger;
        this.accounts = accounts;
        this.suppression = suppression;
        this.log = log;
        this.eligibility = eligibility;
        this.pops = pops;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    /** Registers a listener for new screen pops built on this node; it must not block. */
    public void onScreenPop(Consumer<ScreenPop> listener) {
        listeners.add(listener);
    }

    @Override
    public void accept(AgentCallStarted started) {
        var accountId = started.account().id();
        var pop = new ScreenPop(started.callId(), started.agent(), started.campaign().id(), started.account(),
                started.debtorZone(), started.at(),
                started.ivrPath().isEmpty() ? ivrPath(started.campaign().mode()) : started.ivrPath(),
                promises.latestOf(accountId, HISTORY), ledger.latest(accountId, HISTORY), started.number(),
                started.campaign().promiseHorizonDays());
        pops.put(pop);
        listeners.forEach(listener -> listener.accept(pop));
    }

    /**
     * For a call whose IVR reported no steps (a PBX whose dialplan bridges without our IVR): agent campaigns hand every
     * answer to an agent; reminder calls reach one only by pressing 0 after verifying.
     */
    private static List<String> ivrPath(CampaignMode mode) {
        return mode == CampaignMode.AGENT
                ? List.of("answered", "sent to an agent at once")
                : List.of("answered", "confirmed they are the debtor", "heard the amount and due date",
                        "pressed 0 for an agent");
    }

    /** The agent's latest bridged call, on whichever node it was bridged, until they record its disposition. */
    public Optional<ScreenPop> current(AgentId agent) {
        return pops.current(agent);
    }

    public Optional<ScreenPop> call(String callId) {
        return pops.find(callId);
    }

    /**
     * What an agent asked for on this call that the node writing its ledger line must honour, whichever node's desk
     * recorded it: a callback time, or a promise (the account leaves the queue, as after a promise on the line).
     */
    public Optional<AgentDisposition> requested(String callId) {
        return log.find(callId).map(DispositionRecord::disposition)
                .filter(d -> d.outcome() == AgentDisposition.Outcome.CALLBACK
                        || d.outcome() == AgentDisposition.Outcome.PROMISE);
    }

    /**
     * Records the agent's disposition of one of their calls and applies what it means. Throws
     * {@link NotYourCallException} for another agent's call, {@link IllegalArgumentException} for an unknown call, a
     * promise outside the campaign's rules or a callback time out of range, and {@link IllegalStateException} if the
     * call already has a disposition (here or in another engine sharing the log).
     */
    public DispositionRecord dispose(AgentId agent, String callId, AgentDisposition disposition) {
        var pop = pops.find(callId).orElseThrow(() ->
                new IllegalArgumentException("callId: '" + callId + "' is not a call bridged to an agent"));
        if (!pop.agent().equals(agent)) {
            throw new NotYourCallException(agent, callId);
        }
        synchronized (locks[Math.floorMod(callId.hashCode(), LOCKS)]) {
            var earlier = log.find(callId);
            if (earlier.isPresent()) {
                throw alreadyDisposed(callId, earlier.get());
            }
            var now = clock.instant();
            if (disposition.outcome() == AgentDisposition.Outcome.CALLBACK) {
                requireCallbackTime(disposition.callbackAt(), now);
            }
            boolean onLine = disposition.outcome() == AgentDisposition.Outcome.PROMISE && promise(pop, disposition, now);
            var record = new DispositionRecord(callId, agent, pop.campaign(), pop.account().id(), disposition, now,
                    onLine);
            if (!log.record(record)) {
                throw alreadyDisposed(callId, log.find(callId).orElse(record));
            }
            apply(pop, disposition, now, "agent:" + agent.value() + ":" + callId);
            pops.done(agent, callId);
            return record;
        }
    }

    private static IllegalStateException alreadyDisposed(String callId, DispositionRecord existing) {
        return new IllegalStateException("call " + callId + " already has the disposition "
                + existing.disposition().outcome());
    }

    private static void requireCallbackTime(Instant at, Instant now) {
        var latest = now.plus(Duration.ofDays(CallSessions.MAX_CALLBACK_DELAY_DAYS));
        if (!at.isAfter(now) || at.isAfter(latest)) {
            throw new IllegalArgumentException("callbackAt: " + at + " (expected after " + now + " and at most " + latest + ")");
        }
    }

    /** What the disposition means beyond this call, for every campaign and every dialer sharing the stores. */
    private void apply(ScreenPop pop, AgentDisposition d, Instant now, String source) {
        var account = pop.account().id();
        switch (d.outcome()) {
            case OPT_OUT -> suppression.optOut(pop.number(), now, source);
            case DISPUTE, BANKRUPTCY, DECEASED -> {
                // The flag stops every later claim; the removals empty the queues at once.
                suppression.flag(account, AccountFlag.valueOf(d.outcome().name()), now, source);
                eligibility.campaigns().forEach(campaign -> accounts.remove(campaign, account));
            }
            case CALLBACK -> callback(pop, d.callbackAt());
            case PROMISE, REFUSED, WRONG_PARTY, FIELD_VISIT -> { }
        }
    }

    /**
     * While the call is up on this node the engine returns the account at the callback time when the line is written;
     * otherwise the account is requeued directly, at the first instant from the callback time that the contact rules
     * permit. If another node still holds the account (its call is up there) the requeue is refused, and that node
     * reads the callback from the log when it writes the line ({@link #requested}).
     */
    private void callback(ScreenPop pop, Instant at) {
        try {
            sessions.scheduleCallback(pop.callId(), at);
            return;
        } catch (IllegalArgumentException notUpHere) {
            // The time was checked above, so the engine refused only because the call is not up on this node.
        }
        requeueForCallback(pop.campaign(), pop.account(), at);
    }

    /** Requeues the account at the first instant from {@code at} the rules permit, unless a dialer holds it. */
    private void requeueForCallback(CampaignId campaign, Account account, Instant at) {
        var next = eligibility.nextEligible(campaign, account, at);
        if (next != null) {
            accounts.requeue(campaign, account.id(), next);
        }
    }

    /** Stores the promise; true if it went onto the call's ledger line, false if the line had already been written. */
    private boolean promise(ScreenPop pop, AgentDisposition d, Instant now) {
        var account = pop.account();
        var today = now.atZone(pop.debtorZone()).toLocalDate();
        var last = today.plusDays(pop.promiseHorizonDays());
        if (!d.amount().currency().equals(account.amountDue().currency()) || d.amount().minor() <= 0
                || d.amount().minor() > account.amountDue().minor()) {
            throw new IllegalArgumentException("amount: " + d.amount() + " (expected more than 0 and at most "
                    + account.amountDue() + ")");
        }
        if (d.payBy().isBefore(today) || d.payBy().isAfter(last)) {
            throw new IllegalArgumentException("payBy: " + d.payBy() + " (expected " + today + " to " + last + ")");
        }
        try {
            sessions.recordPromise(pop.callId(), d.amount(), d.payBy());
            return true;
        } catch (IllegalArgumentException notUpHere) {
            // The amount and date were checked above, so the engine refused only because the call is not up on this
            // node: its line is written, or another node placed it.
            promises.record(new PromiseToPay(pop.callId(), account.id(), pop.campaign(), d.amount(), d.payBy(), now));
            promisesAfterCall.computeIfAbsent(pop.campaign(), c -> new AtomicLong()).incrementAndGet();
            return false;
        }
    }

    /** Promises agents recorded after the call's ledger line was written, which the engine's figures do not count. */
    public long promisesAfterCall(CampaignId campaign) {
        var n = promisesAfterCall.get(campaign);
        return n == null ? 0 : n.get();
    }

    /** The agent's recorded dispositions, newest first, from the durable log. */
    public List<DispositionRecord> history(AgentId agent) {
        return log.latest(agent, HISTORY);
    }

    /** An agent asked about or acted on a call that is another agent's. */
    public static final class NotYourCallException extends RuntimeException {
        public NotYourCallException(AgentId agent, String callId) {
            super("call " + callId + " is not agent " + agent + "'s call");
        }
    }
}
