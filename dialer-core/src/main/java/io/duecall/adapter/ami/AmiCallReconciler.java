package io.duecall.adapter.ami;

import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.port.CallEvent;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the manager connection comes back, compares the calls the registry holds with the channels the PBX lists
 * and reports what became of calls whose events were lost meanwhile: an answered call whose channel is gone has
 * ended; an unanswered call placed before the loss whose channel (found by the Uniqueid its originate asked for)
 * is up was answered, and one whose channel is gone never connected as far as we can tell. Runs on its own thread.
 */
final class AmiCallReconciler {
    private static final Logger log = LoggerFactory.getLogger(AmiCallReconciler.class);
    static final int ATTEMPTS = 3;

    /** One channel as CoreShowChannels lists it; {@code up} when its state is Up. */
    record LiveChannel(String channel, String uniqueId, boolean up) {}

    /** Lists the PBX's live channels. */
    @FunctionalInterface
    interface ChannelLister {
        List<LiveChannel> list() throws TelephonyUnavailableException;
    }

    private final AmiCallRegistry registry;
    private final Clock clock;
    private final ChannelLister lister;
    private final ScheduledExecutorService worker;
    private final Consumer<CallEvent> report;
    private volatile long lastPlacedBeforeLoss;

    AmiCallReconciler(AmiCallRegistry registry, Clock clock, ChannelLister lister, ScheduledExecutorService worker,
                      Consumer<CallEvent> report) {
        this.registry = registry;
        this.clock = clock;
        this.lister = lister;
        this.worker = worker;
        this.report = report;
    }

    /** Follows the connection: remembers which calls were placed before a loss, reconciles after a restore. */
    void onConnectionEvent(AmiConnectionEvent event) {
        switch (event) {
            case AmiConnectionLost lost -> lastPlacedBeforeLoss = registry.lastPlacement();
            case AmiConnectionRestored restored -> worker.execute(() -> reconcile(1));
        }
    }

    private void reconcile(int attempt) {
        var calls = registry.inFlight();
        if (calls.isEmpty()) {
            return;
        }
        List<LiveChannel> live;
        try {
            live = lister.list();
        } catch (TelephonyUnavailableException e) {
            if (attempt < ATTEMPTS) {
                log.debug("Listing channels after reconnection failed (attempt {}): {}", attempt, e.getMessage());
                worker.schedule(() -> reconcile(attempt + 1), 1, TimeUnit.SECONDS);
            } else {
                log.warn("Calls in flight not reconciled after the AMI connection returned: {}; calls whose events"
                        + " were lost are left to the engine's stale-call sweep", e.getMessage());
            }
            return;
        }
        var events = decide(registry, calls, live, lastPlacedBeforeLoss, clock.instant());
        log.info("AMI connection returned with {} calls in flight and {} live channels: {} reconciled", calls.size(),
                live.size(), events.size());
        for (var event : events) {
            log.warn("Call {} changed while the AMI connection was down; reported as {} on reconnection",
                    event.callId(), event.getClass().getSimpleName());
            try {
                report.accept(event);
            } catch (RuntimeException e) {
                log.warn("Listener failed on reconciled {}", E164.maskNumbers(String.valueOf(event)), e);
            }
        }
    }

    /**
     * The events that bring {@code calls} in line with {@code live}, recorded in {@code registry} as they are decided.
     * Only calls placed up to {@code lastPlacedBeforeLoss} count as unanswered-and-gone: a call placed since the
     * connection returned may not have a channel yet. The registry drops what an event thread already reported.
     */
    static List<CallEvent> decide(AmiCallRegistry registry, List<AmiCallRegistry.InFlight> calls,
                                  List<LiveChannel> live, long lastPlacedBeforeLoss, Instant now) {
        var byUniqueId = new HashMap<String, LiveChannel>();
        var names = new HashSet<String>();
        for (var channel : live) {
            if (channel.uniqueId() != null) {
                byUniqueId.put(channel.uniqueId(), channel);
            }
            if (channel.channel() != null) {
                names.add(channel.channel());
            }
        }
        var events = new ArrayList<CallEvent>();
        for (var call : calls) {
            var id = call.callId();
            if (call.answered()) {
                var present = (call.uniqueId() != null && byUniqueId.containsKey(call.uniqueId()))
                        || names.contains(call.channel());
                if (!present && registry.forget(id)) {
                    events.add(new CallEvent.Ended(id, now));
                }
                continue;
            }
            var leg = byUniqueId.get(call.requestedUniqueId());
            if (leg != null) {
                // Still ringing when not up: its OriginateResponse is yet to come.
                if (leg.up() && leg.channel() != null && registry.answered(id, leg.channel(), leg.uniqueId())) {
                    events.add(new CallEvent.Answered(id, now, leg.channel()));
                }
            } else if (call.placement() <= lastPlacedBeforeLoss && registry.forget(id)) {
                events.add(new CallEvent.NotConnected(id, now, CallOutcome.FAILED));
            }
        }
        return events;
    }
}
