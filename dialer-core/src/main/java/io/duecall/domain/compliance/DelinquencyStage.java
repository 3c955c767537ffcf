package io.duecall.domain.compliance;

import io.duecall.domain.account.PhoneType;
import java.util.List;

/**
 * How far behind an account is, by days past due, and whom each stage calls in which order. Every stage calls only
 * the debtor's own numbers today: third-party contacts are not in {@code Account}. When they are, MIDDLE and LATE
 * are where they join the order (after the debtor's numbers, and only while the debtor cannot be reached).
 */
public enum DelinquencyStage {
    /** 0 to 5 days past due: friendly reminders. */
    EARLY(0, 5),
    /** 6 to 29 days past due. */
    MIDDLE(6, 29),
    /** 30 days past due or more. */
    LATE(30, Integer.MAX_VALUE);

    private static final List<PhoneType> OWN_NUMBERS = List.of(PhoneType.MOBILE, PhoneType.HOME, PhoneType.WORK);
    private final int fromDays;
    private final int toDays;

    DelinquencyStage(int fromDays, int toDays) {
        this.fromDays = fromDays;
        this.toDays = toDays;
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
}
