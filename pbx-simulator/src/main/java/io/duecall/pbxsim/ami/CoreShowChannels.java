package io.duecall.pbxsim.ami;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers CoreShowChannels as Asterisk 22's manager.c does: a Success response with {@code EventList: start}, one
 * CoreShowChannel event per live channel (no Privilege header, as list items are not broadcast), then
 * CoreShowChannelsComplete with the count. Every packet carries the action's ActionID.
 */
final class CoreShowChannels {
    private CoreShowChannels() {}

    static List<AmiMessage> answer(List<ChannelStatus> channels, String actionId) {
        var out = new ArrayList<AmiMessage>(channels.size() + 2);
        out.add(AmiMessage.builder().add("Response", "Success").actionId(actionId).add("EventList", "start")
                .add("Message", "Channels will follow").build());
        for (var c : channels) {
            out.add(AmiMessage.builder().add("Event", "CoreShowChannel").actionId(actionId)
                    .addAll(c.fields())
                    .add("Application", c.application())
                    .add("ApplicationData", c.applicationData())
                    .add("Duration", duration(c.age().toSeconds()))
                    .add("BridgeId", c.bridgeId())
                    .build());
        }
        out.add(AmiMessage.builder().add("Event", "CoreShowChannelsComplete").actionId(actionId)
                .add("EventList", "Complete").add("ListItems", channels.size()).build());
        return out;
    }

    /**
     * Answers Status for one channel as Asterisk 22 does: a Success response with {@code EventList: start}, one Status
     * event with the channel block and its {@code BridgeID} (empty when it is in no bridge), then StatusComplete; an
     * Error "No such channel" when the PBX has none of that name.
     */
    static List<AmiMessage> status(List<ChannelStatus> channels, String channel, String actionId) {
        var found = channels.stream().filter(c -> c.fields().stream()
                .anyMatch(f -> f.getKey().equals("Channel") && f.getValue().equals(channel))).findFirst();
        if (found.isEmpty()) {
            return List.of(AmiMessage.builder().add("Response", "Error").actionId(actionId)
                    .add("Message", "No such channel").build());
        }
        var c = found.get();
        return List.of(
                AmiMessage.builder().add("Response", "Success").actionId(actionId).add("EventList", "start")
                        .add("Message", "Channel status will follow").build(),
                AmiMessage.builder().add("Event", "Status").add("Privilege", "Call").actionId(actionId)
                        .addAll(c.fields())
                        .add("Application", c.application())
                        .add("Data", c.applicationData())
                        .add("BridgeID", c.bridgeId())
                        .build(),
                AmiMessage.builder().add("Event", "StatusComplete").actionId(actionId).add("EventList", "Complete")
                        .add("ListItems", 1).add("Items", 1).build());
    }

    /** HH:MM:SS, hours not wrapping, as Asterisk prints a channel's age. */
    static String duration(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }

}
