package io.duecall.domain.compliance;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Contact;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Phone;
import io.duecall.domain.window.DebtorZones;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/** Whom a dial reaches: one of the debtor's own numbers, or a third-party contact asked only where the debtor is. */
public sealed interface CallTarget permits CallTarget.Own, CallTarget.ThirdParty {

    E164 number();

    /**
     * The zones the call must be convenient in: the debtor's for their own numbers; for a contact, every zone their
     * number may be in, since the account's zone says where the debtor lives, not the contact.
     */
    Set<ZoneId> zones(Account account);

    record Own(Phone phone) implements CallTarget {
        public Own {
            Objects.requireNonNull(phone, "phone");
        }

        @Override
        public E164 number() {
            return phone.number();
        }

        @Override
        public Set<ZoneId> zones(Account account) {
            return DebtorZones.of(account, phone.number());
        }
    }

    record ThirdParty(Contact contact) implements CallTarget {
        public ThirdParty {
            Objects.requireNonNull(contact, "contact");
        }

        @Override
        public E164 number() {
            return contact.number();
        }

        @Override
        public Set<ZoneId> zones(Account account) {
            return DebtorZones.ofNumber(contact.number());
        }
    }
}
