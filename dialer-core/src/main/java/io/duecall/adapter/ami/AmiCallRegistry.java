package io.duecall.adapter.ami;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which PBX identifiers belong to which of our calls: the originate's ActionID and the Uniqueid asked for its channel
 * from the start, then the answered debtor leg's channel and Uniqueid, and the agent extension the call was
 * redirected to. Safe for concurrent use; the methods that change a call say whether they did, so two threads that
 * learn the same news (an event and a reconciliation) report it once.
 */
final class AmiCallRegistry {
    private final Map<String, Call> byCallId = new HashMap<>();
    private final Map<String, String> callByActionId = new HashMap<>();
    private final Map<String, String> callByUniqueId = new HashMap<>();
    private final Map<String, String> callByChannel = new HashMap<>();
    private long placements;

    /** A call as the registry knows it at an instant; {@code channel} and {@code uniqueId} are null until answered. */
    record InFlight(String callId, long placement, String requestedUniqueId, String channel, String uniqueId) {
        boolean answered() {
            return channel != null;
        }
    }

    private static final class Call {
        final String actionId;
        final long placement;
        String channel;
        /** The channel the IVR session was opened on, used until an event names {@link #channel}. */
        String ivrChannel;
        String uniqueId;
        String agentExtension;
        String amdStatus;

        Call(String actionId, long placement) {
            this.actionId = actionId;
            this.placement = placement;
        }
    }

    static String actionIdFor(String callId) {
        return "orig-" + callId;
    }

    /** The Uniqueid the originate asks the PBX to give the call's channel (Originate's ChannelId). */
    static String channelIdFor(String callId) {
        return "duecall-" + callId;
    }

    synchronized void placed(String callId) {
        var actionId = actionIdFor(callId);
        if (byCallId.putIfAbsent(callId, new Call(actionId, ++placements)) != null) {
            throw new IllegalArgumentException("callId: '" + callId + "' (expected a call id not already in progress)");
        }
        callByActionId.put(actionId, callId);
    }

    synchronized Optional<String> callIdForAction(String actionId) {
        return Optional.ofNullable(callByActionId.get(actionId));
    }

    /** Records the answered leg; false when the call is unknown or its answer was already recorded. */
    synchronized boolean answered(String callId, String channel, String uniqueId) {
        var call = byCallId.get(callId);
        if (call == null || call.channel != null) {
            return false;
        }
        call.channel = channel;
        callByChannel.put(channel, callId);
        notifyAll();
        if (uniqueId != null) {
            call.uniqueId = uniqueId;
            callByUniqueId.put(uniqueId, callId);
        }
        return true;
    }

    /** The placement number of the latest call placed; calls placed later have higher ones. */
    synchronized long lastPlacement() {
        return placements;
    }

    /** Every call in progress, answered or not. */
    synchronized List<InFlight> inFlight() {
        var out = new ArrayList<InFlight>(byCallId.size());
        byCallId.forEach((callId, call) -> out.add(new InFlight(callId, call.placement, channelIdFor(callId),
                call.channel, call.uniqueId)));
        return out;
    }

    /**
     * The channel the PBX opened the call's IVR session on. Kept apart from the event-named channel (which it never
     * replaces, and which alone maps events to calls) and used only for the redirect; wakes a waiting redirect.
     */
    synchronized void ivrChannel(String callId, String channel) {
        var call = byCallId.get(callId);
        if (call == null || call.ivrChannel != null) {
            return;
        }
        call.ivrChannel = channel;
        notifyAll();
    }

    /** The call whose answered debtor leg has this Uniqueid or, when the Uniqueid is unknown, this channel. */
    synchronized Optional<String> callIdForLeg(String uniqueId, String channel) {
        var byUnique = uniqueId == null ? null : callByUniqueId.get(uniqueId);
        if (byUnique != null) {
            return Optional.of(byUnique);
        }
        return Optional.ofNullable(channel == null ? null : callByChannel.get(channel));
    }

    synchronized Optional<String> channelOf(String callId) {
        var call = byCallId.get(callId);
        return Optional.ofNullable(call == null ? null : call.channel);
    }

    /** The channel the call's IVR session was opened on, if the IVR named one. */
    synchronized Optional<String> ivrChannelOf(String callId) {
        var call = byCallId.get(callId);
        return Optional.ofNullable(call == null ? null : call.ivrChannel);
    }

    /**
     * The answered channel of a call, waiting up to {@code timeout} for its answer event: the IVR can ask for an agent
     * before the AMI event that names the channel has been handled. The channel named by the event wins; until it
     * comes, the one the IVR session was opened on serves.
     */
    synchronized Optional<String> awaitChannel(String callId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var call = byCallId.get(callId);
            if (call == null || call.channel != null || call.ivrChannel != null) {
                return Optional.ofNullable(call == null ? null : call.channel != null ? call.channel : call.ivrChannel);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized void redirected(String callId, String agentExtension) {
        var call = byCallId.get(callId);
        if (call != null) {
            call.agentExtension = agentExtension;
        }
    }

    synchronized Optional<String> agentExtensionOf(String callId) {
        var call = byCallId.get(callId);
        return Optional.ofNullable(call == null ? null : call.agentExtension);
    }

    synchronized void machineDetection(String callId, String status) {
        var call = byCallId.get(callId);
        if (call != null) {
            call.amdStatus = status;
        }
    }

    synchronized Optional<String> amdStatusOf(String callId) {
        var call = byCallId.get(callId);
        return Optional.ofNullable(call == null ? null : call.amdStatus);
    }

    /** Drops everything known about a call that has ended or never connected; false if it was not known. */
    synchronized boolean forget(String callId) {
        var call = byCallId.remove(callId);
        if (call == null) {
            return false;
        }
        callByActionId.remove(call.actionId);
        if (call.channel != null) {
            callByChannel.remove(call.channel);
        }
        if (call.uniqueId != null) {
            callByUniqueId.remove(call.uniqueId);
        }
        notifyAll();
        return true;
    }

    synchronized int size() {
        return byCallId.size();
    }
}
