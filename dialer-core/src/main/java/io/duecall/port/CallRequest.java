package io.duecall.port;

import io.duecall.domain.account.E164;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A call to place: ring {@code number} for at most {@code ringTimeout}; once answered, the PBX runs the outbound
 * context, which hands the call to the IVR with {@code callId} as its argument, and hangs the call up
 * {@code maxDuration} after the answer wherever it is (null: no limit asked for).
 */
public record CallRequest(String callId, CampaignId campaign, E164 number, Duration ringTimeout, Duration maxDuration) {
    public CallRequest(String callId, CampaignId campaign, E164 number, Duration ringTimeout) {
        this(callId, campaign, number, ringTimeout, null);
    }

    /** Call ids travel through the PBX and back over AGI, so they have a fixed, injection-proof shape. */
    public static final Pattern CALL_ID = Pattern.compile("c-[A-Za-z0-9-]{1,60}");

    public CallRequest {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        if (callId == null || !CALL_ID.matcher(callId).matches()) {
            throw new IllegalArgumentException("callId: '" + callId + "' (expected c- and 1-60 letters, digits or dashes)");
        }
        if (maxDuration != null && maxDuration.toSeconds() < 1) {
            throw new IllegalArgumentException("maxDuration: " + maxDuration + " (expected at least PT1S)");
        }
    }
}
