package io.duecall.bench;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** New York debtors for the originate run, each with a number of their own so no number-wide rule holds a call back. */
final class BenchDebtors {
    private static final Currency USD = Currency.getInstance("USD");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private BenchDebtors() {}

    static List<Account> accounts(int count, Instant now) {
        var random = new Random(5);
        var seen = new HashSet<String>();
        var list = new ArrayList<Account>(count);
        var today = now.atZone(ZoneOffset.UTC).toLocalDate();
        while (list.size() < count) {
            var candidate = "+1212" + (2 + random.nextInt(8)) + String.format("%06d", random.nextInt(1_000_000));
            E164 number;
            try {
                number = E164.parse(candidate, null);
            } catch (IllegalArgumentException notAssigned) {
                continue;
            }
            if (!seen.add(number.value())) {
                continue;
            }
            int i = list.size();
            list.add(new Account(new AccountId("bench-" + i), "Debtor " + i, List.of(new Phone(number, PhoneType.MOBILE)),
                    Optional.of(NEW_YORK), new Money(5_000 + i % 100_000, USD), today.minusDays(10), 10));
        }
        return list;
    }
}
