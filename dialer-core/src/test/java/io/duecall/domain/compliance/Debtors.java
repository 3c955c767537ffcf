package io.duecall.domain.compliance;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A debtor in New York with a mobile, a home and a work number, and helpers to write their history. */
final class Debtors {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Set<ZoneId> NY = Set.of(NEW_YORK);
    static final Phone MOBILE = new Phone(new E164("+12125550101"), PhoneType.MOBILE);
    static final Phone HOME = new Phone(new E164("+12125550102"), PhoneType.HOME);
    static final Phone WORK = new Phone(new E164("+12125550103"), PhoneType.WORK);
    /** Wednesday 4 March 2026, 10:30 in New York: inside the window and the first peak. */
    static final Instant WEDNESDAY_1030 = Instant.parse("2026-03-04T15:30:00Z");

    private Debtors() {}

    static Account account(int daysPastDue) {
        return new Account(new AccountId("acct-" + daysPastDue), "Dana Example", List.of(WORK, HOME, MOBILE),
                Optional.of(NEW_YORK), new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 2, 1),
                daysPastDue);
    }

    static Account account() {
        return account(10);
    }

    static PastAttempt unanswered(String at, Phone phone) {
        return PastAttempt.unanswered(Instant.parse(at), phone.number(), CallOutcome.NO_ANSWER);
    }

    /** Someone answered but it was not the debtor: connected and counted, yet no conversation with the debtor. */
    static PastAttempt thirdParty(String at, Phone phone) {
        return new PastAttempt(Instant.parse(at), phone.number(), CallOutcome.ANSWERED, Disposition.THIRD_PARTY, false);
    }

    static PastAttempt attempt(String at, Phone phone, CallOutcome outcome, Disposition disposition) {
        return new PastAttempt(Instant.parse(at), phone.number(), outcome, disposition, false);
    }

    static ContactHistory history(PastAttempt... attempts) {
        return new ContactHistory(List.of(attempts), Suppression.none());
    }
}
