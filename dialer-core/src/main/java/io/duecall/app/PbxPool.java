package io.duecall.app;

import io.duecall.domain.pbx.PbxLimits;
import io.duecall.domain.pbx.PbxRouter;
import io.duecall.domain.pbx.RouteDecision;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.port.OriginateThrottledException;
import io.duecall.port.PbxConnection;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CallOriginator} over several PBXs. Each call goes where {@link PbxRouter} sends it (most free channels,
 * within the PBX's and the trunk's originate rates); when none can take it, the originate is refused with
 * {@link OriginateThrottledException} (or, with every PBX unreachable, {@link TelephonyUnavailableException}).
 * Bridges and hang-ups go to the PBX holding the call, and every PBX's events reach the one listener.
 */
public final class PbxPool implements CallOriginator {
    /** Longer than any call; only a call whose end was never reported is held that long. */
    static final Duration FORGET_AFTER = Duration.ofHours(4);
    private static final Logger LOG = LoggerFactory.getLogger(PbxPool.class);

    /** One PBX of the pool: its limits and the connection to it. */
    public record Member(PbxLimits limits, PbxConnection connection) {
        public Member {
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(connection, "connection");
        }
    }

    private final Map<String, PbxConnection> connections = new LinkedHashMap<>();
    private final PbxRouter router;
    private final Clock clock;
    private volatile Consumer<CallEvent> listener = event -> LOG.debug("No listener for {}", event);

    public PbxPool(List<Member> members, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.router = new PbxRouter(members.stream().map(Member::limits).toList(), FORGET_AFTER);
        for (var member : members) {
            connections.put(member.limits().name(), member.connection());
            member.connection().onEvent(this::onPbxEvent);
        }
    }

    @Override
    public void onEvent(Consumer<CallEvent> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public boolean available() {
        return connections.values().stream().anyMatch(CallOriginator::available);
    }

    @Override
    public boolean reaches(String pbx) {
        var connection = connections.get(pbx);
        return connection != null && connection.available();
    }

    @Override
    public void originate(CallRequest request) throws TelephonyUnavailableException {
        RouteDecision decision;
        synchronized (router) {
            decision = router.route(request.callId(), clock.instant(), name -> connections.get(name).available());
        }
        switch (decision) {
            case RouteDecision.Refused refused -> throw refusal(request, refused);
            case RouteDecision.Route route -> {
                try {
                    connections.get(route.pbx()).originate(request, route.trunk());
                } catch (TelephonyUnavailableException e) {
                    // Not tried on another PBX: a timed-out originate may still ring, and a debtor is dialed once.
                    release(request.callId());
                    throw e;
                }
            }
        }
    }

    private TelephonyUnavailableException refusal(CallRequest request, RouteDecision.Refused refused) {
        var message = "Originate " + request.callId() + ": no PBX can take the call now (" + refused.reason() + ")";
        // Only an outage delays the account; a full or rate-limited pool just asks for the next turn.
        return available() ? new OriginateThrottledException(message) : new TelephonyUnavailableException(message);
    }

    @Override
    public void bridgeToAgent(String callId, String agentExtension) throws TelephonyUnavailableException {
        var owner = ownerOf(callId);
        if (owner == null) {
            throw new TelephonyUnavailableException("Redirect " + callId + ": no PBX holds this call");
        }
        owner.bridgeToAgent(callId, agentExtension);
    }

    @Override
    public Optional<Boolean> inBridge(String callId) {
        var owner = ownerOf(callId);
        return owner == null ? Optional.empty() : owner.inBridge(callId);
    }

    /** True when every PBX of the pool reports its originates' acceptance as events. */
    @Override
    public boolean reportsAcceptance() {
        return !connections.isEmpty() && connections.values().stream().allMatch(PbxConnection::reportsAcceptance);
    }

    @Override
    public void playAbandonMessage(String callId) throws TelephonyUnavailableException {
        var owner = ownerOf(callId);
        if (owner == null) {
            throw new TelephonyUnavailableException("abandon message for " + callId + ": no PBX holds this call");
        }
        owner.playAbandonMessage(callId);
    }

    /** Passes the IVR's channel to the PBX holding the call, so its Redirect need not wait for the answer event. */
    @Override
    public void answeredOn(String callId, String channel) {
        var owner = ownerOf(callId);
        if (owner != null) {
            owner.answeredOn(callId, channel);
        }
    }

    @Override
    public void hangup(String callId) throws TelephonyUnavailableException {
        var owner = ownerOf(callId);
        if (owner == null) {
            LOG.debug("Hangup {}: no PBX holds this call, nothing to hang up", callId);
            return;
        }
        owner.hangup(callId);
    }

    /** Calls up on the named PBX, as this pool counts them. */
    public int callsUp(String pbx) {
        synchronized (router) {
            return router.callsUp(pbx);
        }
    }

    private PbxConnection ownerOf(String callId) {
        synchronized (router) {
            return router.owner(callId).map(connections::get).orElse(null);
        }
    }

    private void release(String callId) {
        synchronized (router) {
            router.release(callId);
        }
    }

    /** Runs on each PBX's event thread: the channel is freed before the listener hears the call is over. */
    private void onPbxEvent(CallEvent event) {
        if (event instanceof CallEvent.NotConnected || event instanceof CallEvent.Ended) {
            release(event.callId());
        }
        listener.accept(event);
    }

    @Override
    public void close() {
        for (var entry : connections.entrySet()) {
            try {
                entry.getValue().close();
            } catch (RuntimeException e) {
                LOG.warn("closing the connection to PBX {} failed: {}", entry.getKey(), e.getMessage(), e);
            }
        }
    }
}
