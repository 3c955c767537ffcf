package io.duecall.ivr.flow;

import io.duecall.app.AgentHandoff;
import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The dialer's side of IVR calls in memory: known calls, stored promises, verdicts, and a fixed agent answer. */
public final class InMemoryCallSessions implements CallSessions {
    private static final Instant PROMISED_AT = Instant.parse("2026-03-10T15:30:00Z");

    private final Map<String, IvrCall> calls = new ConcurrentHashMap<>();
    private final Map<String, PromiseToPay> promises = new ConcurrentHashMap<>();
    private final List<String> finishedLog = new CopyOnWriteArrayList<>();
    private final List<String> disclosures = new CopyOnWriteArrayList<>();
    private final List<String> events;
    private final java.util.concurrent.CompletableFuture<String> firstVerdict = new java.util.concurrent.CompletableFuture<>();
    private final Map<String, String> flowVersions = new ConcurrentHashMap<>();
    private final java.util.Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> callbacks = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger recordRequests = new java.util.concurrent.atomic.AtomicInteger();
    private volatile AgentHandoff handoff = new AgentHandoff.NoAgent();

    /** @param events where this fake notes what it was asked, shared with a fake channel to check ordering */
    public InMemoryCallSessions(List<String> events) {
        this.events = events;
    }

    public InMemoryCallSessions add(IvrCall call) {
        calls.put(call.callId(), call);
        return this;
    }

    public InMemoryCallSessions answerAgentRequestsWith(AgentHandoff answer) {
        this.handoff = answer;
        return this;
    }

    public Optional<PromiseToPay> promise(String callId) {
        return Optional.ofNullable(promises.get(callId));
    }

    /** Each verdict as "callId:DISPOSITION", in the order given. */
    public List<String> finished() {
        return List.copyOf(finishedLog);
    }

    /** Waits for the first verdict, as "callId:DISPOSITION", for flows running on another thread. */
    public String awaitFirstVerdict() throws Exception {
        return firstVerdict.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public Optional<IvrCall> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** When set, every promise fails as one neither the store nor the journal could take. */
    public volatile boolean refusePromises;

    @Override
    public PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy) {
        var call = calls.get(callId);
        events.add("recordPromise:" + amount + ":" + payBy);
        recordRequests.incrementAndGet();
        if (refusePromises) {
            throw new io.duecall.app.PromiseNotRecordedException("promise of call " + callId + " could not be recorded", null);
        }
        return promises.computeIfAbsent(callId, id -> new PromiseToPay(id, call.account().id(),
                call.campaign().id(), amount, payBy, PROMISED_AT));
    }

    @Override
    public void rightPartyVerified(String callId) {
        events.add("rpc:" + callId);
        disclosures.add(callId + ":RIGHT_PARTY");
    }

    @Override
    public void disclosed(String callId, io.duecall.domain.attempt.Disclosure what) {
        disclosures.add(callId + ":" + what);
    }

    /** Each right-party verification and disclosure reported, as "callId:WHAT", in order. */
    public List<String> disclosures() {
        return List.copyOf(disclosures);
    }

    @Override
    public void flowStarted(String callId, String flowVersion) {
        flowVersions.put(callId, flowVersion);
    }

    /** The flow steps each call reported, in order. */
    public final Map<String, List<String>> steps = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void stepReached(String callId, String step) {
        steps.computeIfAbsent(callId, id -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(step);
    }

    @Override
    public void optOut(String callId) {
        events.add("optOut");
        optedOut.add(callId);
    }

    @Override
    public void scheduleCallback(String callId, Instant at) {
        events.add("scheduleCallback:" + at);
        callbacks.put(callId, at);
    }

    public Optional<String> flowVersion(String callId) {
        return Optional.ofNullable(flowVersions.get(callId));
    }

    public boolean optedOut(String callId) {
        return optedOut.contains(callId);
    }

    public Optional<Instant> callback(String callId) {
        return Optional.ofNullable(callbacks.get(callId));
    }

    /** How many times a promise was asked to be recorded, over all calls. */
    public int recordRequests() {
        return recordRequests.get();
    }

    @Override
    public AgentHandoff requestAgent(String callId) {
        events.add("requestAgent");
        return handoff;
    }

    @Override
    public void finished(String callId, Disposition disposition) {
        events.add("finished:" + disposition);
        finishedLog.add(callId + ":" + disposition);
        firstVerdict.complete(callId + ":" + disposition);
    }
}
