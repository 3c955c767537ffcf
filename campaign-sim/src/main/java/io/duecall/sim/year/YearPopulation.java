package io.duecall.sim.year;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Contact;
import io.duecall.domain.account.ContactRelation;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded debtors spread over many zones, including half-hour, 45-minute and date-line offsets and zones whose clocks
 * change on different dates; a third carry no zone, so theirs comes from the number. A quarter have one or two
 * third-party contacts, whose numbers have a zone of their own.
 */
public final class YearPopulation {
    private static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/St_Johns",
            "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Sydney",
            "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Kiritimati");
    /** National numbers whose zone libphonenumber knows, for accounts without a zone. */
    private static final List<String> NUMBER_PREFIXES = List.of("+1212", "+1312", "+1303", "+1602", "+1213", "+1907",
            "+1808", "+1709", "+4420", "+4930", "+9111");
    private final Random random;
    private int next;

    public YearPopulation(long seed) {
        this.random = new Random(seed);
    }

    public List<Account> draw(int count, LocalDate today) {
        var accounts = new ArrayList<Account>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(account(today));
        }
        return accounts;
    }

    private Account account(LocalDate today) {
        int n = ++next;
        var phones = new ArrayList<Phone>();
        Optional<ZoneId> zone;
        if (random.nextInt(3) == 0) {
            var prefix = NUMBER_PREFIXES.get(random.nextInt(NUMBER_PREFIXES.size()));
            phones.add(new Phone(number(prefix), PhoneType.MOBILE));
            if (random.nextBoolean()) {
                phones.add(new Phone(number(prefix), PhoneType.HOME));
            }
            zone = Optional.empty();
        } else {
            zone = Optional.of(ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))));
            phones.add(new Phone(number("+1555"), PhoneType.MOBILE));
            if (random.nextInt(3) == 0) {
                phones.add(new Phone(number("+1555"), PhoneType.HOME));
            }
            if (random.nextInt(4) == 0) {
                phones.add(new Phone(number("+1555"), PhoneType.WORK));
            }
        }
        int dpd = 1 + random.nextInt(60);
        return new Account(new AccountId("y-" + n), "Debtor " + n, phones, zone,
                new Money(5_000 + random.nextInt(200_000), Currency.getInstance("USD")), today.minusDays(dpd), dpd)
                .withContacts(contacts(n));
    }

    private List<Contact> contacts(int n) {
        if (random.nextInt(4) != 0) {
            return List.of();
        }
        var contacts = new ArrayList<Contact>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            var relation = ContactRelation.values()[random.nextInt(ContactRelation.values().length)];
            var prefix = NUMBER_PREFIXES.get(random.nextInt(NUMBER_PREFIXES.size()));
            contacts.add(new Contact(relation, "Contact " + n + "-" + i, number(prefix)));
        }
        return contacts;
    }

    private E164 number(String prefix) {
        var digits = new StringBuilder(prefix);
        while (digits.length() < 12) {
            digits.append(digits.length() == prefix.length() ? 2 + random.nextInt(8) : random.nextInt(10));
        }
        return new E164(digits.toString());
    }
}
