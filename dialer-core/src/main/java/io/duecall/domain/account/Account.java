package io.duecall.domain.account;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An overdue account as the lender exported it: who owes, on which numbers they can be reached, and how much.
 * The zone is the debtor's own when the lender knows it; otherwise it is derived from each number.
 */
public record Account(
        AccountId id,
        String debtorName,
        List<Phone> phones,
        Optional<ZoneId> zone,
        Money amountDue,
        LocalDate dueDate,
        int daysPastDue) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(amountDue, "amountDue");
        Objects.requireNonNull(dueDate, "dueDate");
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
    }

    /** The first word of the debtor's name, used by the IVR to ask for the right person. */
    public String firstName() {
        return debtorName.strip().split("\\s+", 2)[0];
    }
}
