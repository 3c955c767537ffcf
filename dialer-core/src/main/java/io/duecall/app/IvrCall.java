package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.E164;
import io.duecall.domain.campaign.Campaign;
import java.time.ZonedDateTime;
import java.util.Objects;

/** What the IVR may know about the call it is serving: whose account, which campaign, and the debtor's local time. */
public record IvrCall(String callId, Account account, E164 number, Campaign campaign, ZonedDateTime debtorTime) {
    public IvrCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(debtorTime, "debtorTime");
    }
}
