package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Contact;
import io.duecall.domain.account.E164;
import io.duecall.domain.campaign.Campaign;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What the IVR may know about the call it is serving: whose account, which campaign, the local time of the person
 * called, and, for a location call, the third-party contact being called (who must hear nothing about the debt).
 */
public record IvrCall(String callId, Account account, E164 number, Campaign campaign, ZonedDateTime debtorTime,
        Optional<Contact> contact) {
    public IvrCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(debtorTime, "debtorTime");
        Objects.requireNonNull(contact, "contact");
        if (contact.isPresent() && !contact.get().number().equals(number)) {
            throw new IllegalArgumentException("number: " + number + " (expected the contact's " + contact.get().number() + ")");
        }
    }

    /** A call to one of the debtor's own numbers. */
    public IvrCall(String callId, Account account, E164 number, Campaign campaign, ZonedDateTime debtorTime) {
        this(callId, account, number, campaign, debtorTime, Optional.empty());
    }

    public boolean locationCall() {
        return contact.isPresent();
    }
}
