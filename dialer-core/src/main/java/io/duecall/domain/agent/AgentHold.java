package io.duecall.domain.agent;

import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a reserved or talking agent: the call (empty when the caller named none), its campaign, the node that
 * reserved them and until when. A hold that is not renewed lapses at {@code until}, so a node that dies cannot keep
 * an agent; {@link Instant#MAX} never lapses.
 */
public record AgentHold(String callId, CampaignId campaign, String node, Instant until) {
    public AgentHold {
        Objects.requireNonNull(callId, "hold.callId");
        Objects.requireNonNull(campaign, "hold.campaign");
        Objects.requireNonNull(node, "hold.node");
        Objects.requireNonNull(until, "hold.until");
    }

    /** Whether this hold is for call {@code otherCallId}. */
    public boolean isFor(String otherCallId) {
        return callId.equals(otherCallId);
    }

    public AgentHold renewedUntil(Instant next) {
        return new AgentHold(callId, campaign, node, next);
    }
}
