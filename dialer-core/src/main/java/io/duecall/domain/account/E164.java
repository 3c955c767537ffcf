package io.duecall.domain.account;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.regex.Pattern;

/** A phone number in E.164 form (+ and 7 to 15 digits), checked by libphonenumber when parsed from user input. */
public record E164(String value) {
    private static final Pattern SHAPE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\d-])(\\d{3,})\\d{4}(?!\\d)");

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
            if (parsed.hasExtension()) {
                throw new IllegalArgumentException("phone: '" + raw + "' has extension " + parsed.getExtension()
                        + ", which the dialer cannot dial (expected the number alone; an extension would be dropped)");
            }
            return new E164(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("phone: '" + raw + "' does not parse (" + e.getMessage() + ")", e);
        }
    }

    /** This number with its last four digits hidden, as logs show numbers: {@code +1415555****}. */
    public String masked() {
        return maskNumbers(value);
    }

    /**
     * {@code text} with every run of seven or more digits (a phone number, with or without its {@code +}, such as in
     * a channel name {@code Local/4155550123@debtors}) shown without its last four: {@code Local/415555****@debtors}.
     * A run after a {@code -} is a channel's sequence number ({@code @debtors-00000012}) and is left as it is.
     */
    public static String maskNumbers(String text) {
        return text == null ? null : DIGIT_RUN.matcher(text).replaceAll(m -> m.group(1) + "****");
    }

    @Override
    public String toString() {
        return value;
    }
}
