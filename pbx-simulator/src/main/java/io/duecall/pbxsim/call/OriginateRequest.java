package io.duecall.pbxsim.call;

import java.util.Map;

/**
 * A parsed Originate action. {@code dialString} is the Channel header (e.g. {@code Local/101@debtors}), split into
 * {@code number} and {@code dialContext}; {@code callId} is the CALL_ID variable if given.
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

    /** The device name Asterisk reports in DeviceStateChange. */
    String device() {
        return dialString;
    }
}
