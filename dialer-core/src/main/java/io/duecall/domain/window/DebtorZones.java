package io.duecall.domain.window;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.E164;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where the debtor may be: the account's own zone when the lender gave one, otherwise every zone libphonenumber
 * maps the number to. An empty set means the zone cannot be determined and the number must not be dialed.
 */
public final class DebtorZones {
    private DebtorZones() {}

    public static Set<ZoneId> of(Account account, E164 number) {
        if (account.zone().isPresent()) {
            return Set.of(account.zone().get());
        }
        return ofNumber(number);
    }

    public static Set<ZoneId> ofNumber(E164 number) {
        try {
            var parsed = PhoneNumberUtil.getInstance().parse(number.value(), "ZZ");
            var zones = new LinkedHashSet<ZoneId>();
            for (var id : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(parsed)) {
                if (!PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(id)) {
                    zones.add(ZoneId.of(id));
                }
            }
            return Set.copyOf(zones);
        } catch (NumberParseException | DateTimeException e) {
            return Set.of();
        }
    }
}
