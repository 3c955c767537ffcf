package io.duecall.domain.attempt;

import java.util.regex.Pattern;

/**
 * The contact rules as they stood when a call was placed: which rule set decided (its fingerprint) and the counters
 * it checked, so an auditor can see why the call was allowed.
 *
 * @param countedIn7Days counted (by default: connected) attempts to the account in the 7 days before this one
 * @param connectedToday answered calls to the account earlier on the debtor's local day
 * @param unansweredOnNumberToday attempts to this number earlier that local day that nobody picked up
 */
public record DialContext(String rulesVersion, int countedIn7Days, int connectedToday, int unansweredOnNumberToday) {
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public DialContext {
        if (rulesVersion == null || !VERSION.matcher(rulesVersion).matches()) {
            throw new IllegalArgumentException("rulesVersion: '" + rulesVersion + "' (expected 1-64 of A-Z a-z 0-9 . _ : -)");
        }
        if (countedIn7Days < 0 || connectedToday < 0 || unansweredOnNumberToday < 0) {
            throw new IllegalArgumentException("dial counters must be >= 0: " + countedIn7Days + ", " + connectedToday
                    + ", " + unansweredOnNumberToday);
        }
    }
}
