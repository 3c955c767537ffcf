package io.duecall.adapter.csv;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.account.Contact;
import io.duecall.domain.account.ContactRelation;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.RegionCode;
import io.duecall.domain.account.SecondFactor;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parsers for the account file's fields; each throws IllegalArgumentException with the value and what was expected. */
final class AccountFields {
    private AccountFields() {}

    static List<Phone> phones(String raw, String defaultRegion, int max) {
        var given = entries(raw);
        if (given.size() > max) {
            throw new IllegalArgumentException(given.size() + " numbers (expected at most " + max
                    + ", imports.maxPhonesPerAccount)");
        }
        var phones = new ArrayList<Phone>();
        for (var pair : given) {
            if (pair.isBlank()) {
                continue;
            }
            var typeAndNumber = pair.split(":", 2);
            if (typeAndNumber.length != 2) {
                throw new IllegalArgumentException("'" + pair.strip() + "' (expected type:number, type mobile, home or work)");
            }
            var type = switch (typeAndNumber[0].strip().toLowerCase(Locale.ROOT)) {
                case "mobile" -> PhoneType.MOBILE;
                case "home" -> PhoneType.HOME;
                case "work" -> PhoneType.WORK;
                default -> throw new IllegalArgumentException(
                        "type '" + typeAndNumber[0].strip() + "' in '" + pair.strip() + "' (expected mobile, home or work)");
            };
            phones.add(new Phone(E164.parse(typeAndNumber[1].strip(), defaultRegion), type));
        }
        if (phones.isEmpty()) {
            throw new IllegalArgumentException("none given (expected one or more type:number separated by ;)");
        }
        return phones;
    }

    /** {@code relation:name:number} separated by ';', such as {@code spouse:Sam Smith:+14155550142}. */
    static List<Contact> contacts(String raw, String defaultRegion, int max) {
        var given = entries(raw);
        if (given.size() > max) {
            throw new IllegalArgumentException(given.size() + " contacts (expected at most " + max
                    + ", imports.maxContactsPerAccount)");
        }
        var contacts = new ArrayList<Contact>();
        for (var entry : given) {
            if (entry.isBlank()) {
                continue;
            }
            var parts = entry.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("'" + entry.strip()
                        + "' (expected relation:name:number, such as spouse:Sam Smith:+14155550142)");
            }
            try {
                contacts.add(new Contact(ContactRelation.named(parts[0]), parts[1].strip(),
                        E164.parse(parts[2].strip(), defaultRegion)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + entry.strip() + "': " + e.getMessage(), e);
            }
        }
        return contacts;
    }

    /** The non-blank entries of a list separated by ';'. */
    private static List<String> entries(String raw) {
        return Arrays.stream(raw.split(";")).filter(entry -> !entry.isBlank()).toList();
    }

    static String debtorName(String raw) {
        if (raw.isEmpty() || raw.length() > 120) {
            throw new IllegalArgumentException("'" + raw + "' (expected 1-120 characters)");
        }
        return raw;
    }

    /**
     * A region id such as America/Chicago. Fixed offsets ({@code +05:30}, {@code GMT-3}, {@code UTC+14}, {@code Z},
     * {@code Etc/GMT+3}) are refused: they carry no daylight-saving rules, so they are wrong half the year.
     */
    static ZoneId zone(String raw) {
        ZoneId zone;
        try {
            zone = ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + raw + "' is not an IANA time zone (expected such as America/Chicago)", e);
        }
        var id = zone.getId();
        if (zone instanceof java.time.ZoneOffset || id.matches("(?i)(GMT|UTC|UT)([+-].*)?") || id.startsWith("Etc/")
                || id.startsWith("SystemV/")) {
            throw new IllegalArgumentException("'" + raw + "' is a fixed offset, which has no daylight-saving rules"
                    + " (expected a region id such as America/Sao_Paulo or Asia/Kolkata)");
        }
        return zone;
    }

    static Currency currency(String raw) {
        try {
            return Money.currency(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + raw + "' (expected an ISO 4217 code with minor units, such as USD)", e);
        }
    }

    static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + raw + "' (expected a date as yyyy-MM-dd)", e);
        }
    }

    /** A region code such as NV, upper-cased. */
    static RegionCode region(String raw) {
        try {
            return new RegionCode(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + raw + "' (expected a short region code such as NV or US-NV)", e);
        }
    }

    /** Flag names separated by ';', in any case, such as {@code dispute;do_not_call_at_work}. */
    static Set<AccountFlag> flags(String raw) {
        var flags = EnumSet.noneOf(AccountFlag.class);
        for (var name : raw.split(";")) {
            if (name.isBlank()) {
                continue;
            }
            var normalized = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            var flag = Arrays.stream(AccountFlag.values()).filter(f -> f.name().equals(normalized)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + name.strip() + "' (expected flags separated by ; from "
                            + Arrays.toString(AccountFlag.values()) + ")"));
            flags.add(flag);
        }
        return flags;
    }

    static Locale language(String raw) {
        try {
            return Account.language(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + raw + "' (expected a BCP 47 tag such as en or es-MX)", e);
        }
    }

    static int birthYear(String raw) {
        if (raw.matches("[0-9]{4}")) {
            var year = Integer.parseInt(raw);
            if (year >= SecondFactor.EARLIEST_BIRTH_YEAR && year <= SecondFactor.LATEST_BIRTH_YEAR) {
                return year;
            }
        }
        throw new IllegalArgumentException("'" + raw + "' (expected a year from " + SecondFactor.EARLIEST_BIRTH_YEAR
                + " to " + SecondFactor.LATEST_BIRTH_YEAR + ")");
    }

    static String idLast4(String raw) {
        if (raw.matches("[0-9]{4}")) {
            return raw;
        }
        throw new IllegalArgumentException("'" + raw.replaceAll("[0-9]", "#") + "' (expected exactly 4 digits)");
    }

    static int daysPastDue(String raw) {
        if (raw.matches("[0-9]{1,9}")) {
            return Integer.parseInt(raw);
        }
        throw new IllegalArgumentException("'" + raw + "' (expected a whole number >= 0)");
    }
}
