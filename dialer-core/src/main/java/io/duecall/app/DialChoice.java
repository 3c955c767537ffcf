package io.duecall.app;

import io.duecall.domain.account.Contact;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Phone;
import io.duecall.domain.attempt.DialContext;
import io.duecall.domain.dial.DialDecision;
import java.util.Objects;
import java.util.Optional;

/**
 * Whom to call and the decision for it, with the rule set and counters the decision was made on: one of the
 * debtor's own numbers ({@code phone}), or a third-party contact ({@code contact}) who may only be asked where
 * the debtor is. Both are empty in a Skip when nothing of the account may be called at all.
 */
public record DialChoice(Optional<Phone> phone, DialDecision decision, DialContext context, Optional<Contact> contact) {
    public DialChoice {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(contact, "contact");
        if (phone.isPresent() && contact.isPresent()) {
            throw new IllegalArgumentException("choice: both a number of the debtor and a contact (expected one)");
        }
    }

    public DialChoice(Optional<Phone> phone, DialDecision decision, DialContext context) {
        this(phone, decision, context, Optional.empty());
    }

    /** The number to dial, the debtor's or the contact's. */
    public Optional<E164> number() {
        return phone.map(Phone::number).or(() -> contact.map(Contact::number));
    }

    /** True when the call goes to a third party, who must hear nothing about the debt. */
    public boolean locationCall() {
        return contact.isPresent();
    }
}
