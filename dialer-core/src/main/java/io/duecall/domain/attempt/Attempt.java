package io.duecall.domain.attempt;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One line of the attempt ledger: a dial and everything that happened to it.
 * Fields that did not happen (no answer, no bridge, no promise, no IVR flow) are null; {@code flowVersion} names
 * the version of the IVR flow that served the call. {@code locationCall} marks a call to a third-party contact,
 * whose {@code number} is the contact's and whose {@code zone} is the one the call was judged in.
 */
public record Attempt(
        String callId,
        CampaignId campaign,
        AccountId account,
        E164 number,
        ZoneId zone,
        LocalDateTime debtorLocalTime,
        Instant originatedAt,
        Instant answeredAt,
        Instant bridgedAt,
        Instant endedAt,
        CallOutcome outcome,
        Disposition disposition,
        String agent,
        boolean abandoned,
        Money promiseAmount,
        LocalDate promiseDate,
        String flowVersion,
        DialContext dialContext,
        boolean locationCall) {

    public Attempt {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(debtorLocalTime, "debtorLocalTime");
        Objects.requireNonNull(originatedAt, "originatedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(disposition, "disposition");
        if ((promiseAmount == null) != (promiseDate == null)) {
            throw new IllegalArgumentException("promise: amount and date must be given together");
        }
        if (flowVersion != null && !flowVersion.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("flowVersion: '" + flowVersion + "' (expected 1-64 of A-Z a-z 0-9 . _ : -)");
        }
        if (locationCall && promiseAmount != null) {
            throw new IllegalArgumentException("promise: a location call to a third party cannot carry a promise");
        }
    }

    /** A call to one of the debtor's own numbers. */
    public Attempt(String callId, CampaignId campaign, AccountId account, E164 number, ZoneId zone,
            LocalDateTime debtorLocalTime, Instant originatedAt, Instant answeredAt, Instant bridgedAt, Instant endedAt,
            CallOutcome outcome, Disposition disposition, String agent, boolean abandoned, Money promiseAmount,
            LocalDate promiseDate, String flowVersion, DialContext dialContext) {
        this(callId, campaign, account, number, zone, debtorLocalTime, originatedAt, answeredAt, bridgedAt, endedAt,
                outcome, disposition, agent, abandoned, promiseAmount, promiseDate, flowVersion, dialContext, false);
    }
}
