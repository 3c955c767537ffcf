package io.duecall.adapter.ami;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.port.CallEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns raw manager events into {@link CallEvent}s for the calls in the registry; events for other channels give
 * nothing. Tracks calls from events only, since asterisk-java's originate callback misreports answered Local
 * channels. Not thread-safe: one worker thread feeds it.
 */
final class AmiEventTranslator {
    private static final Logger log = LoggerFactory.getLogger(AmiEventTranslator.class);
    private static final String UNKNOWN = "<unknown>";
    /** Tech/resource of a channel name, e.g. 2001 in PJSIP/2001-0000000a or Local/2001@agents-00000001;1. */
    private static final Pattern CHANNEL_RESOURCE = Pattern.compile("^[^/]+/([^@;/-]+).*");

    static final int REASON_NO_ANSWER = 3;
    static final int REASON_ANSWERED = 4;
    static final int REASON_BUSY = 5;
    static final int REASON_CONGESTION = 8;

    private final AmiCallRegistry registry;
    private final Map<String, Set<String>> bridgeMembers = new HashMap<>();
    private final Map<String, String> debtorWaitingInBridge = new HashMap<>();

    AmiEventTranslator(AmiCallRegistry registry) {
        this.registry = registry;
    }

    Optional<CallEvent> translate(ManagerEvent event, Instant at) {
        return switch (event) {
            case OriginateResponseEvent e -> originateResponse(e, at);
            case BridgeEnterEvent e -> bridgeEnter(e, at);
            case BridgeLeaveEvent e -> bridgeLeave(e);
            case BridgeDestroyEvent e -> bridgeDestroy(e);
            case HangupEvent e -> hangup(e, at);
            case AmdResultEvent e -> amdResult(e);
            default -> Optional.empty();
        };
    }

    private Optional<CallEvent> originateResponse(OriginateResponseEvent e, Instant at) {
        if (e.getActionId() == null || e.getReason() == null) {
            log.debug("Ignoring OriginateResponse without ActionID or Reason (ActionID {}, Reason {})", e.getActionId(),
                    e.getReason());
            return Optional.empty();
        }
        var callId = registry.callIdForAction(e.getActionId());
        if (callId.isEmpty()) {
            return Optional.empty();
        }
        int reason = e.getReason();
        if (reason == REASON_ANSWERED) {
            var channel = known(e.getChannel());
            if (channel == null) {
                log.debug("Ignoring answered OriginateResponse without Channel for {}", callId.get());
                return Optional.empty();
            }
            // False when a reconciliation after a reconnection has already reported the answer.
            return registry.answered(callId.get(), channel, known(e.getUniqueId()))
                    ? Optional.of(new CallEvent.Answered(callId.get(), at, channel))
                    : Optional.empty();
        }
        return registry.forget(callId.get())
                ? Optional.of(new CallEvent.NotConnected(callId.get(), at, outcomeOf(reason)))
                : Optional.empty();
    }

    static CallOutcome outcomeOf(int reason) {
        return switch (reason) {
            case REASON_NO_ANSWER -> CallOutcome.NO_ANSWER;
            case REASON_BUSY -> CallOutcome.BUSY;
            case REASON_CONGESTION -> CallOutcome.CONGESTION;
            default -> CallOutcome.FAILED;
        };
    }

    private Optional<CallEvent> bridgeEnter(BridgeEnterEvent e, Instant at) {
        var bridge = e.getBridgeUniqueId();
        var channel = known(e.getChannel());
        if (bridge == null || channel == null) {
            log.debug("Ignoring BridgeEnter without BridgeUniqueid or Channel (bridge {})", e.getBridgeUniqueId());
            return Optional.empty();
        }
        var members = bridgeMembers.computeIfAbsent(bridge, b -> new LinkedHashSet<>());
        var debtorCall = registry.callIdForLeg(known(e.getUniqueId()), channel);
        if (debtorCall.isEmpty()) {
            members.add(channel);
            var waiting = debtorWaitingInBridge.remove(bridge);
            return waiting == null ? Optional.empty()
                    : bridged(waiting, at, registry.agentExtensionOf(waiting).orElseGet(() -> extensionOf(channel)));
        }
        // The call is bridged only once the debtor and another party are in the same bridge: the debtor entering
        // alone (an agent leg not yet joined, or never) is no conversation.
        var callId = debtorCall.get();
        var other = members.stream().findFirst();
        members.add(channel);
        if (other.isEmpty()) {
            debtorWaitingInBridge.put(bridge, callId);
            return Optional.empty();
        }
        return bridged(callId, at, registry.agentExtensionOf(callId)
                .orElseGet(() -> extensionOf(other.get())));
    }

    private static Optional<CallEvent> bridged(String callId, Instant at, String agentExtension) {
        return Optional.of(new CallEvent.Bridged(callId, at, agentExtension));
    }

    private Optional<CallEvent> bridgeLeave(BridgeLeaveEvent e) {
        var members = e.getBridgeUniqueId() == null ? null : bridgeMembers.get(e.getBridgeUniqueId());
        if (members != null && e.getChannel() != null) {
            members.remove(e.getChannel());
            if (members.isEmpty()) {
                bridgeMembers.remove(e.getBridgeUniqueId());
                debtorWaitingInBridge.remove(e.getBridgeUniqueId());
            }
        }
        return Optional.empty();
    }

    private Optional<CallEvent> bridgeDestroy(BridgeDestroyEvent e) {
        if (e.getBridgeUniqueId() != null) {
            bridgeMembers.remove(e.getBridgeUniqueId());
            debtorWaitingInBridge.remove(e.getBridgeUniqueId());
        }
        return Optional.empty();
    }

    private Optional<CallEvent> hangup(HangupEvent e, Instant at) {
        var uniqueId = known(e.getUniqueId());
        var channel = known(e.getChannel());
        if (uniqueId == null && channel == null) {
            log.debug("Ignoring Hangup without Uniqueid or Channel");
            return Optional.empty();
        }
        return registry.callIdForLeg(uniqueId, channel)
                .filter(registry::forget)
                .map(id -> new CallEvent.Ended(id, at));
    }

    private Optional<CallEvent> amdResult(AmdResultEvent e) {
        var status = known(e.getAmdStatus());
        registry.callIdForLeg(known(e.getUniqueId()), known(e.getChannel()))
                .ifPresent(callId -> {
                    if (status != null) {
                        registry.machineDetection(callId, status);
                    }
                });
        return Optional.empty();
    }

    /** The extension an agent's channel dialed, the best name the PBX gives for the agent. */
    static String extensionOf(String channel) {
        var m = CHANNEL_RESOURCE.matcher(channel);
        return m.matches() ? m.group(1) : channel;
    }

    private static String known(String value) {
        return value == null || value.isBlank() || UNKNOWN.equals(value) ? null : value;
    }
}
