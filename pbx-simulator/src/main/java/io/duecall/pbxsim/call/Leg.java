package io.duecall.pbxsim.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One channel as it stands at an instant: what AMI prints in its channel block. */
record Leg(String name, ChannelState state, String context, String exten, int priority, String uniqueid,
           String linkedid) {

    Leg in(ChannelState s) {
        return new Leg(name, s, context, exten, priority, uniqueid, linkedid);
    }

    Leg at(String ctx, String ext, int prio) {
        return new Leg(name, state, ctx, ext, prio, uniqueid, linkedid);
    }

    Leg atPriority(int prio) {
        return at(context, exten, prio);
    }

    /** The channel block with every name prefixed, e.g. {@code Dest} or {@code LocalOne}. */
    List<Map.Entry<String, String>> fields(String prefix) {
        var f = new ArrayList<Map.Entry<String, String>>(14);
        f.add(Map.entry(prefix + "Channel", name));
        f.add(Map.entry(prefix + "ChannelState", Integer.toString(state.code)));
        f.add(Map.entry(prefix + "ChannelStateDesc", state.desc));
        f.add(Map.entry(prefix + "CallerIDNum", "<unknown>"));
        f.add(Map.entry(prefix + "CallerIDName", "<unknown>"));
        f.add(Map.entry(prefix + "ConnectedLineNum", "<unknown>"));
        f.add(Map.entry(prefix + "ConnectedLineName", "<unknown>"));
        f.add(Map.entry(prefix + "Language", "en"));
        f.add(Map.entry(prefix + "AccountCode", ""));
        f.add(Map.entry(prefix + "Context", context));
        f.add(Map.entry(prefix + "Exten", exten));
        f.add(Map.entry(prefix + "Priority", Integer.toString(priority)));
        f.add(Map.entry(prefix + "Uniqueid", uniqueid));
        f.add(Map.entry(prefix + "Linkedid", linkedid));
        return f;
    }
}
