package io.duecall.adapter.redis;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Contact;
import io.duecall.domain.account.ContactRelation;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.account.RegionCode;
import io.duecall.domain.account.SecondFactor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes an account as a flat Redis hash and reads it back, naming the key and field of anything malformed. */
final class AccountCodec {
    private AccountCodec() {}

    static Map<String, String> encode(Account account) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("id", account.id().value());
        fields.put("debtorName", account.debtorName());
        var phones = new StringBuilder();
        for (var phone : account.phones()) {
            phones.append(phones.isEmpty() ? "" : ";").append(phone.type()).append(':').append(phone.number());
        }
        fields.put("phones", phones.toString());
        account.zone().ifPresent(zone -> fields.put("zone", zone.getId()));
        fields.put("amountMinor", Long.toString(account.amountDue().minor()));
        fields.put("currency", account.amountDue().currency().getCurrencyCode());
        fields.put("dueDate", account.dueDate().toString());
        fields.put("daysPastDue", Integer.toString(account.daysPastDue()));
        account.region().ifPresent(region -> fields.put("region", region.value()));
        if (!account.flags().isEmpty()) {
            fields.put("flags", String.join(";", account.flags().stream().map(Enum::name).sorted().toList()));
        }
        account.language().ifPresent(language -> fields.put("language", language.toLanguageTag()));
        account.secondFactor().birthYear().ifPresent(year -> fields.put("birthYear", Integer.toString(year)));
        account.secondFactor().idLast4().ifPresent(digits -> fields.put("idLast4", digits));
        if (!account.contacts().isEmpty()) {
            var contacts = new StringBuilder();
            for (var contact : account.contacts()) {
                // Contact names hold no ';' or ':' (Contact refuses them), so the pairs split back unambiguously.
                contacts.append(contacts.isEmpty() ? "" : ";").append(contact.relation()).append(':')
                        .append(contact.name()).append(':').append(contact.number());
            }
            fields.put("contacts", contacts.toString());
        }
        return fields;
    }

    static Account decode(String key, Map<String, String> fields) {
        try {
            var phones = new ArrayList<Phone>();
            for (var pair : required(fields, "phones").split(";")) {
                var typeAndNumber = pair.split(":", 2);
                phones.add(new Phone(new E164(typeAndNumber[1]), PhoneType.valueOf(typeAndNumber[0])));
            }
            return new Account(
                    new AccountId(required(fields, "id")),
                    required(fields, "debtorName"),
                    phones,
                    Optional.ofNullable(fields.get("zone")).map(ZoneId::of),
                    new Money(Long.parseLong(required(fields, "amountMinor")),
                            Currency.getInstance(required(fields, "currency"))),
                    LocalDate.parse(required(fields, "dueDate")),
                    Integer.parseInt(required(fields, "daysPastDue")),
                    Optional.ofNullable(fields.get("region")).map(RegionCode::new),
                    flags(fields.get("flags")),
                    Optional.ofNullable(fields.get("language")).map(Account::language),
                    new SecondFactor(Optional.ofNullable(fields.get("birthYear")).map(Integer::valueOf),
                            Optional.ofNullable(fields.get("idLast4"))),
                    contacts(fields.get("contacts")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("redis: account hash " + key + " is malformed: " + e.getMessage(), e);
        }
    }

    private static List<Contact> contacts(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        var contacts = new ArrayList<Contact>();
        for (var entry : stored.split(";")) {
            var parts = entry.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("contacts: '" + entry + "' (expected RELATION:name:number)");
            }
            contacts.add(new Contact(ContactRelation.valueOf(parts[0]), parts[1], new E164(parts[2])));
        }
        return contacts;
    }

    private static Set<AccountFlag> flags(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Set.of();
        }
        var flags = EnumSet.noneOf(AccountFlag.class);
        for (var name : stored.split(";")) {
            flags.add(AccountFlag.valueOf(name));
        }
        return flags;
    }

    private static String required(Map<String, String> fields, String name) {
        var value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return value;
    }
}
