package io.duecall.domain.agent;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.util.Objects;

/**
 * An agent's disposition of one bridged call, as recorded; {@code onLedgerLine} tells whether a promise reached the
 * call's ledger line (it does when the agent records it while the call is still up).
 */
public record DispositionRecord(String callId, AgentId agent, CampaignId campaign, AccountId account,
        AgentDisposition disposition, Instant at, boolean onLedgerLine) {
    public DispositionRecord {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("disposition.callId: '" + callId + "' (expected a call id)");
        }
        Objects.requireNonNull(agent, "disposition.agent");
        Objects.requireNonNull(campaign, "disposition.campaign");
        Objects.requireNonNull(account, "disposition.account");
        Objects.requireNonNull(disposition, "disposition.disposition");
        Objects.requireNonNull(at, "disposition.at");
    }
}
