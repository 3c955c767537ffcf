package io.duecall.domain.account;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An overdue account as the lender exported it: who owes, on which numbers they can be reached, and how much, plus
 * what the contact rules and the IVR need about the debtor: region, flags, language and a second factor.
 * The zone is the debtor's own when the lender knows it; otherwise it is derived from each number. Third-party
 * contacts are people who may be asked where the debtor is; their numbers are never one of the debtor's own.
 *
 * @param language a BCP 47 tag such as {@code en} or {@code es-MX}, for the IVR's prompts
 */
public record Account(
        AccountId id,
        String debtorName,
        List<Phone> phones,
        Optional<ZoneId> zone,
        Money amountDue,
        LocalDate dueDate,
        int daysPastDue,
        Optional<RegionCode> region,
        Set<AccountFlag> flags,
        Optional<Locale> language,
        SecondFactor secondFactor,
        List<Contact> contacts) {
    /** More contacts than this is a data problem, not a strategy. */
    public static final int MAX_CONTACTS = 10;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(amountDue, "amountDue");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(secondFactor, "secondFactor");
        if (debtorName == null || debtorName.isBlank() || debtorName.length() > 120) {
            throw new IllegalArgumentException("debtorName: '" + debtorName + "' (expected 1-120 characters)");
        }
        if (phones == null || phones.isEmpty()) {
            throw new IllegalArgumentException("phones: none given (expected at least one number)");
        }
        phones = List.copyOf(phones);
        if (daysPastDue < 0) {
            throw new IllegalArgumentException("daysPastDue: " + daysPastDue + " (expected >= 0)");
        }
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        checkContacts(phones, contacts);
    }

    /** An account without third-party contacts. */
    public Account(AccountId id, String debtorName, List<Phone> phones, Optional<ZoneId> zone, Money amountDue,
            LocalDate dueDate, int daysPastDue, Optional<RegionCode> region, Set<AccountFlag> flags,
            Optional<Locale> language, SecondFactor secondFactor) {
        this(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, region, flags, language, secondFactor,
                List.of());
    }

    private static void checkContacts(List<Phone> phones, List<Contact> contacts) {
        if (contacts.size() > MAX_CONTACTS) {
            throw new IllegalArgumentException("contacts: " + contacts.size() + " (expected at most " + MAX_CONTACTS + ")");
        }
        var own = phones.stream().map(Phone::number).collect(Collectors.toSet());
        var seen = new HashSet<E164>();
        for (var contact : contacts) {
            if (own.contains(contact.number())) {
                throw new IllegalArgumentException("contacts: " + contact.number() + " of " + contact.name()
                        + " is one of the debtor's own numbers (expected a third party's number)");
            }
            if (!seen.add(contact.number())) {
                throw new IllegalArgumentException("contacts: " + contact.number() + " is given twice (expected one contact per number)");
            }
        }
    }

    /** An account with no region, flags, language or second factor. */
    public Account(AccountId id, String debtorName, List<Phone> phones, Optional<ZoneId> zone, Money amountDue,
            LocalDate dueDate, int daysPastDue) {
        this(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, Optional.empty(), Set.of(),
                Optional.empty(), SecondFactor.none(), List.of());
    }

    /**
     * A language from its BCP 47 tag (such as {@code es} or {@code es-MX}), or throws naming the value.
     * Only a language with optional region or script is accepted: the tag becomes part of a sound file's path.
     */
    public static Locale language(String tag) {
        if (tag == null || !LANGUAGE_TAG.matcher(tag.strip()).matches()) {
            throw new IllegalArgumentException("language: '" + tag + "' (expected a BCP 47 tag such as en or es-MX)");
        }
        var locale = Locale.forLanguageTag(tag.strip());
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("language: '" + tag + "' (expected a BCP 47 tag such as en or es-MX)");
        }
        return locale;
    }

    public Account withRegion(RegionCode replacement) {
        return new Account(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, Optional.of(replacement),
                flags, language, secondFactor, contacts);
    }

    public Account withFlags(Set<AccountFlag> replacement) {
        return new Account(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, region, replacement,
                language, secondFactor, contacts);
    }

    public Account withLanguage(Locale replacement) {
        return new Account(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, region, flags,
                Optional.of(replacement), secondFactor, contacts);
    }

    public Account withSecondFactor(SecondFactor replacement) {
        return new Account(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, region, flags, language,
                replacement, contacts);
    }

    public Account withContacts(List<Contact> replacement) {
        return new Account(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, region, flags, language,
                secondFactor, replacement);
    }

    /** The first word of the debtor's name, used by the IVR to ask for the right person. */
    public String firstName() {
        return debtorName.strip().split("\\s+", 2)[0];
    }
}
