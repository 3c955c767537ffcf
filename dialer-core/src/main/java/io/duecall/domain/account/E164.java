package io.duecall.domain.account;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.regex.Pattern;

/** A phone number in E.164 form (+ and 7 to 15 digits), checked by libphonenumber when parsed from user input. */
public record E164(String value) {
    private static final Pattern SHAPE = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public E164 {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("phone: '" + value + "' (expected E.164, such as +14155550123)");
        }
    }

    /**
     * Parses a number as a person typed it, in international form or national form for {@code defaultRegion}
     * (an ISO 3166 code such as "US", or null when only international numbers are accepted).
     */
    public static E164 parse(String raw, String defaultRegion) {
        var util = PhoneNumberUtil.getInstance();
        try {
            var parsed = util.parse(raw, defaultRegion == null ? "ZZ" : defaultRegion);
            if (!util.isValidNumber(parsed)) {
                throw new IllegalArgumentException("phone: '" + raw + "' is not a valid number");
            }
            return new E164(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("phone: '" + raw + "' does not parse (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
