package io.duecall.adapter.ami;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which PBX identifiers belong to which of our calls: the originate's ActionID from the start, then the answered
 * debtor leg's channel and Uniqueid, and the agent extension the call was redirected to. Safe for concurrent use.
 */
final class AmiCallRegistry {
    private final Map<String, Call> byCallId = new HashMap<>();
    private final Map<String, String> callByActionId = new HashMap<>();
    private final Map<String, String> callByUniqueId = new HashMap<>();
    private final Map<String, String> callByChannel = new HashMap<>();

    private static final class Call {
        final String actionId;
        String channel;
        /** The channel the IVR session was opened on, used until an event names {@link #channel}. */
        String ivrChannel;
        String uniqueId;
        String agentExtension;
        String amdStatus;

        Call(String actionId) {
            this.actionId = actionId;
        }
    }

    static String actionIdFor(String callId) {
        return "orig-" + callId;
    }

    synchronized void placed(String callId) {
        var actionId = actionIdFor(callId);
        if (byCallId.putIfAbsent(callId, new Call(actionId)) != null) {
            throw new IllegalArgumentException("callId: '" + callId + "' (expected a call id not already in progress)");
        }
        callByActionId.put(actionId, callId);
    }

    synchronized Optional<String> callIdForAction(String actionId) {
        return Optional.ofNullable(callByActionId.get(actionId));
    }

    synchronized void answered(String callId, String channel, String uniqueId) {
        var call = byCallId.get(callId);
        if (call == null) {
            return;
        }
        call.channel = channel;
        callByChannel.put(channel, callId);
        notifyAll();
        if (uniqueId != null) {
            call.uniqueId = uniqueId;
            callByUniqueId.put(uniqueId, callId);
        }
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

    /** Drops everything known about a call that has ended or never connected. */
    synchronized void forget(String callId) {
        var call = byCallId.remove(callId);
        if (call == null) {
            return;
        }
        callByActionId.remove(call.actionId);
        if (call.channel != null) {
            callByChannel.remove(call.channel);
        }
        if (call.uniqueId != null) {
            callByUniqueId.remove(call.uniqueId);
        }
        notifyAll();
    }

    synchronized int size() {
        return byCallId.size();
    }
}
