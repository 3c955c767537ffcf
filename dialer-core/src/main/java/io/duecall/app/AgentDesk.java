package io.duecall.app;

import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.DispositionRecord;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.AccountStore;
import io.duecall.port.AttemptLedger;
import io.duecall.port.DispositionLog;
import io.duecall.port.PromiseStore;
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
 * The agents' side of bridged calls: builds the screen pop when a call reaches an agent, and records the agent's
 * disposition durably in the {@link DispositionLog}, once per call. Dispositions that stop calls act at once for
 * every campaign: an opt-out suppresses the dialed number, a dispute, bankruptcy or death flags the account and
 * takes it out of every queue, and a callback requeues the account at the first instant the contact rules permit.
 */
public final class AgentDesk implements Consumer<AgentCallStarted> {
    private static final int HISTORY = 10;
    private final Clock clock;
    private final CallSessions sessions;
    private final PromiseStore promises;
    private final AttemptLedger ledger;
    private final AccountStore accounts;
    private final SuppressionStore suppression;
    private final DispositionLog log;
    private final Eligibility eligibility;
    private final Map<String, Entry> calls = new ConcurrentHashMap<>();
    private final Map<AgentId, String> current = new ConcurrentHashMap<>();
    private final Map<CampaignId, AtomicLong> promisesAfterCall = new ConcurrentHashMap<>();
    private final List<Consumer<ScreenPop>> listeners = new CopyOnWriteArrayList<>();

    private record Entry(AgentCallStarted started, ScreenPop pop, DispositionRecord[] disposed) {}

    public AgentDesk(Clock clock, CallSessions sessions, PromiseStore promises, AttemptLedger ledger,
            AccountStore accounts, SuppressionStore suppression, DispositionLog log, Eligibility eligibility) {
        this.clock = clock;
        this.sessions = sessions;
        this.promises = promises;
        this.ledger = ledger;
        this.accounts = accounts;
        this.suppression = suppression;
        this.log = log;
        this.eligibility = eligibility;
    }

    /** Registers a listener for new screen pops; it must not block. */
    public void onScreenPop(Consumer<ScreenPop> listener) {
        listeners.add(listener);
    }

    @Override
    public void accept(AgentCallStarted started) {
        var accountId = started.account().id();
        var history = ledger.readAll().stream().filter(a -> a.account().equals(accountId)).toList();
        var promised = promises.all().stream().filter(p -> p.account().equals(accountId)).toList();
        var pop = new ScreenPop(started.callId(), started.agent(), started.campaign().id(), started.account(),
                started.debtorZone(), started.at(),
                started.ivrPath().isEmpty() ? ivrPath(started.campaign().mode()) : started.ivrPath(),
                promised.subList(Math.max(0, promised.size() - HISTORY), promised.size()),
                history.subList(Math.max(0, history.size() - HISTORY), history.size()));
        calls.put(started.callId(), new Entry(started, pop, new DispositionRecord[1]));
        current.put(started.agent(), started.callId());
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

    /** The agent's latest bridged call, until they record its disposition. */
    public Optional<ScreenPop> current(AgentId agent) {
        var callId = current.get(agent);
        return Optional.ofNullable(callId == null ? null : calls.get(callId)).map(Entry::pop);
    }

    public Optional<ScreenPop> call(String callId) {
        return Optional.ofNullable(callId == null ? null : calls.get(callId)).map(Entry::pop);
    }

    /**
     * Records the agent's disposition of one of their calls and applies what it means. Throws
     * {@link NotYourCallException} for another agent's call, {@link IllegalArgumentException} for an unknown call, a
     * promise outside the campaign's rules or a callback time out of range, and {@link IllegalStateException} if the
     * call already has a disposition (here or in another engine sharing the log).
     */
    public DispositionRecord dispose(AgentId agent, String callId, AgentDisposition disposition) {
        var entry = callId == null ? null : calls.get(callId);
        if (entry == null) {
            throw new IllegalArgumentException("callId: '" + callId + "' is not a call bridged to an agent");
        }
        if (!entry.started().agent().equals(agent)) {
            throw new NotYourCallException(agent, callId);
        }
        synchronized (entry) {
            if (entry.disposed()[0] != null) {
                throw alreadyDisposed(callId, entry.disposed()[0]);
            }
            var now = clock.instant();
            if (disposition.outcome() == AgentDisposition.Outcome.CALLBACK) {
                requireCallbackTime(disposition.callbackAt(), now);
            }
            boolean onLine = disposition.outcome() == AgentDisposition.Outcome.PROMISE && promise(entry, disposition, now);
            var started = entry.started();
            var record = new DispositionRecord(callId, agent, started.campaign().id(), started.account().id(),
                    disposition, now, onLine);
            if (!log.record(record)) {
                throw alreadyDisposed(callId, log.find(callId).orElse(record));
            }
            apply(started, disposition, now, "agent:" + agent.value() + ":" + callId);
            entry.disposed()[0] = record;
            current.remove(agent, callId);
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
    private void apply(AgentCallStarted started, AgentDisposition d, Instant now, String source) {
        var account = started.account().id();
        switch (d.outcome()) {
            case OPT_OUT -> suppression.optOut(started.number(), now, source);
            case DISPUTE, BANKRUPTCY, DECEASED -> {
                // The flag stops every later claim; the removals empty the queues at once.
                suppression.flag(account, AccountFlag.valueOf(d.outcome().name()), now, source);
                eligibility.campaigns().forEach(campaign -> accounts.remove(campaign, account));
            }
            case CALLBACK -> callback(started, d.callbackAt());
            case PROMISE, REFUSED, WRONG_PARTY, FIELD_VISIT -> { }
        }
    }

    /**
     * While the call is up the engine returns the account at the callback time when the line is written; after that
     * the account is requeued directly, at the first instant from the callback time that the contact rules permit.
     */
    private void callback(AgentCallStarted started, Instant at) {
        try {
            sessions.scheduleCallback(started.callId(), at);
            return;
        } catch (IllegalArgumentException callAlreadyClosed) {
            // The time was checked above, so the engine refused only because the call's line is written.
        }
        var campaign = started.campaign().id();
        var next = eligibility.nextEligible(campaign, started.account(), at);
        if (next != null) {
            accounts.requeue(campaign, started.account().id(), next);
        }
    }

    /** Stores the promise; true if it went onto the call's ledger line, false if the line had already been written. */
    private boolean promise(Entry entry, AgentDisposition d, Instant now) {
        var started = entry.started();
        var account = started.account();
        var today = now.atZone(started.debtorZone()).toLocalDate();
        var last = today.plusDays(started.campaign().promiseHorizonDays());
        if (!d.amount().currency().equals(account.amountDue().currency()) || d.amount().minor() <= 0
                || d.amount().minor() > account.amountDue().minor()) {
            throw new IllegalArgumentException("amount: " + d.amount() + " (expected more than 0 and at most "
                    + account.amountDue() + ")");
        }
        if (d.payBy().isBefore(today) || d.payBy().isAfter(last)) {
            throw new IllegalArgumentException("payBy: " + d.payBy() + " (expected " + today + " to " + last + ")");
        }
        try {
            sessions.recordPromise(started.callId(), d.amount(), d.payBy());
            return true;
        } catch (IllegalArgumentException callAlreadyClosed) {
            // The amount and date were checked above, so the engine refused only because the line is written.
            promises.record(new PromiseToPay(started.callId(), account.id(), started.campaign().id(), d.amount(),
                    d.payBy(), now));
            promisesAfterCall.computeIfAbsent(started.campaign().id(), c -> new AtomicLong()).incrementAndGet();
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
