package io.duecall.pbxsim.call;

import io.duecall.pbxsim.ami.AmiMessage;
import java.time.Clock;
import java.util.Map;

/** Builds AMI events with Asterisk 22's names and field order; the Timestamp is read from the injected clock. */
final class ChannelEvents {
    private final Clock clock;

    ChannelEvents(Clock clock) {
        this.clock = clock;
    }

    AmiMessage.Builder event(String name, String privilege) {
        var now = clock.instant();
        var ts = now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
        return AmiMessage.builder().add("Event", name).add("Privilege", privilege).add("Timestamp", ts);
    }

    AmiMessage channel(String name, Leg leg) {
        return event(name, "call,all").addAll(leg.fields("")).build();
    }

    AmiMessage withCause(String name, Leg leg, int cause) {
        return event(name, "call,all").addAll(leg.fields("")).add("Cause", cause).build();
    }

    AmiMessage hangup(Leg leg, int cause) {
        return event("Hangup", "call,all").addAll(leg.fields("")).add("Cause", cause)
                .add("Cause-txt", causeText(cause)).build();
    }

    AmiMessage localBridge(Leg one, Leg two) {
        return event("LocalBridge", "call,all").addAll(one.fields("LocalOne")).addAll(two.fields("LocalTwo"))
                .add("Context", one.context()).add("Exten", one.exten()).add("LocalOptimization", "Yes").build();
    }

    AmiMessage dialBegin(Leg caller, Leg dest, String dialString) {
        var b = event("DialBegin", "call,all");
        if (caller != null) {
            b.addAll(caller.fields(""));
        }
        return b.addAll(dest.fields("Dest")).add("DialString", dialString).build();
    }

    AmiMessage dialState(Leg caller, Leg dest, String status) {
        return dial("DialState", caller, dest, status);
    }

    AmiMessage dialEnd(Leg caller, Leg dest, String status) {
        return dial("DialEnd", caller, dest, status);
    }

    private AmiMessage dial(String name, Leg caller, Leg dest, String status) {
        var b = event(name, "call,all");
        if (caller != null) {
            b.addAll(caller.fields(""));
        }
        return b.addAll(dest.fields("Dest")).add("DialStatus", status).build();
    }

    AmiMessage deviceState(String device, String state) {
        return event("DeviceStateChange", "call,all").add("Device", device).add("State", state).build();
    }

    AmiMessage originateResponse(String actionId, boolean success, String channel, String context, String exten,
                                 int reason, String uniqueid) {
        return event("OriginateResponse", "call,all").actionId(actionId).add("Response", success ? "Success" : "Failure").add("Channel", channel).add("Context", context)
                .add("Exten", exten).add("Reason", reason).add("Uniqueid", uniqueid)
                .add("CallerIDNum", "<unknown>").add("CallerIDName", "<unknown>").build();
    }

    AmiMessage userEvent(Leg leg, String userEvent, Map<String, String> body) {
        var b = event("UserEvent", "user,all").addAll(leg.fields("")).add("UserEvent", userEvent);
        body.forEach(b::add);
        return b.build();
    }

    AmiMessage bridge(String name, String bridgeId, int numChannels, Leg leg) {
        var b = event(name, "call,all").add("BridgeUniqueid", bridgeId).add("BridgeType", "basic")
                .add("BridgeTechnology", "simple_bridge").add("BridgeCreator", "<unknown>")
                .add("BridgeName", "<unknown>").add("BridgeNumChannels", numChannels)
                .add("BridgeVideoSourceMode", "none");
        if (leg != null) {
            b.addAll(leg.fields(""));
        }
        return b.build();
    }

    static String causeText(int cause) {
        return switch (cause) {
            case 1 -> "Unallocated (unassigned) number";
            case 3 -> "No route to destination";
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 19 -> "User alerting, no answer";
            case 34 -> "Circuit/channel congestion";
            case 66 -> "Channel not implemented";
            default -> "Unknown";
        };
    }
}
