package io.duecall.domain.compliance;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Phone;
import java.time.ZoneId;
import java.util.List;

/** What one decision is about: the account, the number, its history and the zones the debtor may be in (sorted). */
record DialContext(Account account, Phone phone, ContactHistory history, List<ZoneId> zones) {

    boolean sameNumber(PastAttempt attempt) {
        return attempt.number().equals(phone.number());
    }
}
