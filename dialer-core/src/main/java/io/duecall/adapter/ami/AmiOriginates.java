package io.duecall.adapter.ami;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.port.CallEvent;
import io.duecall.port.CallRequest;
import io.duecall.port.OriginateThrottledException;
import io.duecall.port.TelephonyUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Originate actions. Pipelined (the default): each action is written and the sender goes on at once; the PBX's
 * response arrives on asterisk-java's callback, matched to its call by the ActionID, and is reported as
 * {@link CallEvent.OriginateAccepted} or, when refused, as a call that never connected ({@code FAILED}). At most
 * {@code maxOutstanding} actions wait for their response at once; beyond that an originate is refused with
 * {@link OriginateThrottledException} (the engine queues the account again) rather than held, so no originate leaves
 * later than the instant the engine judged it at. With {@code maxOutstanding} 0 each Originate waits for its
 * response, as before pipelining.
 */
final class AmiOriginates {
    private static final Logger log = LoggerFactory.getLogger(AmiOriginates.class);
    /** The originate's channel variable naming the call's maximum duration in seconds (see the outbound context). */
    static final String MAX_SECONDS_VARIABLE = "CALL_MAX_SECONDS";

    private final AmiConfig config;
    private final Clock clock;
    private final ManagerConnection connection;
    private final AmiCallRegistry registry;
    private final ScheduledExecutorService timer;
    private final Supplier<Consumer<CallEvent>> listener;
    private final Supplier<AmiTimings> timings;
    /** Call id to the nano time its Originate left, while its response is awaited. */
    private final Map<String, Long> outstanding = new ConcurrentHashMap<>();

    AmiOriginates(AmiConfig config, Clock clock, ManagerConnection connection, AmiCallRegistry registry,
            ScheduledExecutorService timer, Supplier<Consumer<CallEvent>> listener, Supplier<AmiTimings> timings) {
        this.config = config;
        this.clock = clock;
        this.connection = connection;
        this.registry = registry;
        this.timer = timer;
        this.listener = listener;
        this.timings = timings;
    }

    /** Whether responses are reported as events ({@link CallEvent.OriginateAccepted}) rather than awaited. */
    boolean pipelined() {
        return config.maxOutstandingOriginates() > 0;
    }

    /** Originates awaiting their response now. */
    int outstanding() {
        return outstanding.size();
    }

    void originate(CallRequest request, String dialTemplate) throws TelephonyUnavailableException {
        var callId = request.callId();
        var what = "Originate " + callId;
        if (pipelined() && outstanding.size() >= config.maxOutstandingOriginates()) {
            throw new OriginateThrottledException(what + ": " + outstanding.size()
                    + " originates already await the PBX's response (ami.maxOutstandingOriginates)");
        }
        var action = action(request, dialTemplate);
        // Registered first: the OriginateResponse event can arrive before the action's response.
        registry.placed(callId);
        try {
            if (pipelined()) {
                send(callId, action, what);
            } else {
                long start = System.nanoTime();
                var response = connection.sendAction(action, config.actionTimeout().toMillis());
                timings.get().actionAnswered("Originate", Duration.ofNanos(System.nanoTime() - start));
                requireSuccess(response, what);
            }
        } catch (IOException | TimeoutException | IllegalStateException e) {
            registry.forget(callId);
            throw new TelephonyUnavailableException(what + " failed: " + e.getMessage(), e);
        } catch (TelephonyUnavailableException e) {
            registry.forget(callId);
            throw e;
        }
    }

    private void send(String callId, OriginateAction action, String what) throws IOException {
        long sent = System.nanoTime();
        outstanding.put(callId, sent);
        try {
            connection.sendAction(action, response -> answered(callId, sent, response));
        } catch (IOException | IllegalStateException e) {
            outstanding.remove(callId, sent);
            throw e;
        }
        timer.schedule(() -> timedOut(callId, sent), config.actionTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs on asterisk-java's reader thread: a map update and a non-blocking report. */
    private void answered(String callId, long sent, ManagerResponse response) {
        if (!outstanding.remove(callId, sent)) {
            return;
        }
        timings.get().actionAnswered("Originate", Duration.ofNanos(System.nanoTime() - sent));
        var at = clock.instant();
        if (accepted(response)) {
            listener.get().accept(new CallEvent.OriginateAccepted(callId, at));
        } else if (registry.forget(callId)) {
            log.warn("Originate {} refused by the PBX: {}", callId,
                    response == null ? "no response" : response.getResponse() + " " + response.getMessage());
            listener.get().accept(new CallEvent.NotConnected(callId, at, CallOutcome.FAILED));
        }
    }

    /**
     * No response within the action timeout: the slot is freed. The call stays registered, since the PBX may still
     * place it; its events or the engine's stale-call sweep end it.
     */
    private void timedOut(String callId, long sent) {
        if (outstanding.remove(callId, sent)) {
            log.warn("Originate {}: no response within {}", callId, config.actionTimeout());
        }
    }

    private OriginateAction action(CallRequest request, String dialTemplate) {
        var action = new OriginateAction();
        action.setActionId(AmiCallRegistry.actionIdFor(request.callId()));
        action.setChannel(AmiConfig.channelFor(dialTemplate, request.number().value()));
        action.setContext(config.outboundContext());
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(request.ringTimeout().toMillis());
        action.setAsync(true);
        action.setVariable("CALL_ID", request.callId());
        if (request.maxDuration() != null) {
            // The outbound context sets TIMEOUT(absolute) from it: the PBX ends the call even if this node is gone.
            action.setVariable(MAX_SECONDS_VARIABLE, Long.toString(request.maxDuration().toSeconds()));
        }
        // Naming the channel's Uniqueid lets a reconciliation find the call among the PBX's channels before any
        // event has named it.
        action.setChannelId(AmiCallRegistry.channelIdFor(request.callId()));
        return action;
    }

    private static boolean accepted(ManagerResponse response) {
        return response != null && !(response instanceof ManagerError)
                && "Success".equalsIgnoreCase(response.getResponse());
    }

    static void requireSuccess(ManagerResponse response, String what) throws TelephonyUnavailableException {
        if (!accepted(response)) {
            throw new TelephonyUnavailableException(what + " refused by the PBX: "
                    + (response == null ? "no response" : response.getResponse() + " " + response.getMessage()));
        }
    }
}
