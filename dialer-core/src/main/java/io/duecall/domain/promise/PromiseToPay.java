package io.duecall.domain.promise;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A debtor's promise to pay an amount by a date, made on one call; a call makes at most one promise. */
public record PromiseToPay(
        String callId, AccountId account, CampaignId campaign, Money amount, LocalDate payBy, Instant promisedAt) {
    public PromiseToPay {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payBy, "payBy");
        Objects.requireNonNull(promisedAt, "promisedAt");
    }
}
