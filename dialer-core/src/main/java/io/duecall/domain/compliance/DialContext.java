package io.duecall.domain.compliance;

import io.duecall.domain.account.Account;
import java.time.ZoneId;
import java.util.List;

/** What one decision is about: the account, whom the dial reaches, the history and the zones to respect (sorted). */
record DialContext(Account account, CallTarget target, ContactHistory history, List<ZoneId> zones) {

    boolean sameNumber(PastAttempt attempt) {
        return attempt.number().equals(target.number());
    }
}
