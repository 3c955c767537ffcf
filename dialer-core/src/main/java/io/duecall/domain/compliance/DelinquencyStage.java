package io.duecall.domain.compliance;

import io.duecall.domain.account.PhoneType;
import java.util.List;

/**
 * How far behind an account is, by days past due, and whom each stage calls: the debtor's own numbers (mobile, home,
 * work) in every stage; third-party contacts never in EARLY, in MIDDLE only while the debtor cannot be reached, and
 * in LATE for location (after the debtor's own numbers, or first once the debtor cannot be reached).
 */
public enum DelinquencyStage {
    /** 0 to 5 days past due: friendly reminders. */
    EARLY(0, 5, ContactAccess.NEVER),
    /** 6 to 29 days past due. */
    MIDDLE(6, 29, ContactAccess.WHEN_UNREACHED),
    /** 30 days past due or more. */
    LATE(30, Integer.MAX_VALUE, ContactAccess.FOR_LOCATION);

    /** When a stage calls third-party contacts. */
    public enum ContactAccess { NEVER, WHEN_UNREACHED, FOR_LOCATION }


    private static final List<PhoneType> OWN_NUMBERS = List.of(PhoneType.MOBILE, PhoneType.HOME, PhoneType.WORK);
    private final int fromDays;
    private final int toDays;
    private final ContactAccess contacts;

    DelinquencyStage(int fromDays, int toDays, ContactAccess contacts) {
        this.fromDays = fromDays;
        this.toDays = toDays;
        this.contacts = contacts;
    }

    public static DelinquencyStage of(int daysPastDue) {
        for (var stage : values()) {
            if (daysPastDue >= stage.fromDays && daysPastDue <= stage.toDays) {
                return stage;
            }
        }
        throw new IllegalArgumentException("daysPastDue: " + daysPastDue + " (expected >= 0)");
    }

    /** The debtor's own number types in the order this stage tries them. */
    public List<PhoneType> numberOrder() {
        return OWN_NUMBERS;
    }

    public ContactAccess contacts() {
        return contacts;
    }
}
