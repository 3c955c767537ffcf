package io.duecall.pbxsim.call;

import java.util.Map;

/**
 * A parsed Originate action. {@code dialString} is the Channel header (e.g. {@code Local/101@debtors}), split into
 * {@code number} and {@code dialContext}; {@code callId} is the CALL_ID variable if given, {@code maxSeconds} the
 * CALL_MAX_SECONDS variable, which the dialplan sets as the channel's absolute timeout once it is answered.
 */
record OriginateRequest(String actionId, String dialString, String number, String dialContext, String context,
                        String exten, int priority, long timeoutMillis, boolean async, Map<String, String> variables,
                        String channelId, String otherChannelId) {
    OriginateRequest {
        variables = Map.copyOf(variables);
    }

    String callId() {
        return variables.get("CALL_ID");
    }

    /** CALL_MAX_SECONDS if it is a positive number; as in Asterisk, anything else sets no timeout. */
    java.util.Optional<Double> maxSeconds() {
        try {
            var seconds = Double.parseDouble(variables.getOrDefault("CALL_MAX_SECONDS", "").trim());
            return seconds > 0 && Double.isFinite(seconds) ? java.util.Optional.of(seconds) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The device name Asterisk reports in DeviceStateChange. */
    String device() {
        return dialString;
    }
}
