package io.duecall.port;

import io.duecall.domain.account.Account;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.util.Objects;

/**
 * An account reserved for one dialer until {@code leaseExpires}. Only the holder of {@code leaseToken} can
 * return or finish it; once the lease has expired the account is back in the queue for anyone.
 */
public record Claim(CampaignId campaign, Account account, String leaseToken, Instant leaseExpires) {
    public Claim {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(leaseToken, "leaseToken");
        Objects.requireNonNull(leaseExpires, "leaseExpires");
    }
}
