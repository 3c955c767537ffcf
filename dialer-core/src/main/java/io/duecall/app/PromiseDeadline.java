package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Phone;
import io.duecall.domain.promise.PromiseSettlement;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.domain.window.DebtorZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * When a promise's pay-by date is over for its debtor: the account's zone, else every zone its numbers map to, else
 * the last zone on Earth to finish a day (UTC-12), so a debtor is never judged before their own day has ended.
 */
final class PromiseDeadline {
    private static final ZoneId LAST_TO_END_A_DAY = ZoneId.of("Etc/GMT+12");

    private PromiseDeadline() {}

    static Instant of(PromiseToPay promise, Optional<Account> account) {
        return PromiseSettlement.deadline(promise, zones(account));
    }

    private static Set<ZoneId> zones(Optional<Account> account) {
        if (account.isEmpty()) {
            return Set.of(LAST_TO_END_A_DAY);
        }
        if (account.get().zone().isPresent()) {
            return Set.of(account.get().zone().get());
        }
        var zones = new LinkedHashSet<ZoneId>();
        account.get().phones().stream().map(Phone::number).forEach(number -> zones.addAll(DebtorZones.ofNumber(number)));
        return zones.isEmpty() ? Set.of(LAST_TO_END_A_DAY) : zones;
    }
}
