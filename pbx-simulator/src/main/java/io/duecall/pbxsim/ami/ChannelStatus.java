package io.duecall.pbxsim.ami;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One live channel as CoreShowChannels reports it: the channel block ({@code Channel} to {@code Linkedid}), the
 * application it runs, the bridge it is in (empty when none) and how long it has existed.
 */
public record ChannelStatus(List<Map.Entry<String, String>> fields, String application, String applicationData,
                            String bridgeId, Duration age) {
    public ChannelStatus {
        fields = List.copyOf(fields);
        application = application == null ? "" : application;
        applicationData = applicationData == null ? "" : applicationData;
        bridgeId = bridgeId == null ? "" : bridgeId;
        age = age.isNegative() ? Duration.ZERO : age;
    }
}
