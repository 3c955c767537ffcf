package io.duecall.domain.account;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An overdue account as the lender exported it: who owes, on which numbers they can be reached, and how much, plus
 * what the contact rules and the IVR need about the debtor: region, flags, language and a second factor.
 * The zone is the debtor's own when the lender knows it; otherwise it is derived from each number.
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
        SecondFactor secondFactor) {
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
    }

    /** An account with no region, flags, language or second factor. */
    public Account(AccountId id, String debtorName, List<Phone> phones, Optional<ZoneId> zone, Money amountDue,
            LocalDate dueDate, int daysPastDue) {
        this(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, Optional.empty(), Set.of(),
                Optional.empty(), SecondFactor.none());
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
                flags, language, secondFactor);
    }

    public Account withFlags(Set<AccountFlag> replacement) {
        return new Account(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, region, replacement,
                language, secondFactor);
    }

    public Account withLanguage(Locale replacement) {
        return new Account(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, region, flags,
                Optional.of(replacement), secondFactor);
    }

    public Account withSecondFactor(SecondFactor replacement) {
        return new Account(id, debtorName, phones, zone, amountDue, dueDate, daysPastDue, region, flags, language,
                replacement);
    }

    /** The first word of the debtor's name, used by the IVR to ask for the right person. */
    public String firstName() {
        return debtorName.strip().split("\\s+", 2)[0];
    }
}
