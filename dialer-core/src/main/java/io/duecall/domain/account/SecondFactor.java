package io.duecall.domain.account;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the IVR may ask a caller who says they are the debtor, before anything about the debt is said: the year of
 * birth, or else the last four digits of an identity number. Only these digits are kept, nothing more of either.
 */
public record SecondFactor(Optional<Integer> birthYear, Optional<String> idLast4) {
    public static final int EARLIEST_BIRTH_YEAR = 1900;
    public static final int LATEST_BIRTH_YEAR = 2099;
    private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

    /** Which question the IVR asks. */
    public enum Question { BIRTH_YEAR, ID_LAST4 }

    public SecondFactor {
        Objects.requireNonNull(birthYear, "birthYear");
        Objects.requireNonNull(idLast4, "idLast4");
        birthYear.ifPresent(year -> {
            if (year < EARLIEST_BIRTH_YEAR || year > LATEST_BIRTH_YEAR) {
                throw new IllegalArgumentException("birthYear: " + year + " (expected " + EARLIEST_BIRTH_YEAR + " to "
                        + LATEST_BIRTH_YEAR + ")");
            }
        });
        idLast4.ifPresent(digits -> {
            if (!LAST4.matcher(digits).matches()) {
                throw new IllegalArgumentException("idLast4: '" + digits + "' (expected exactly 4 digits)");
            }
        });
    }

    public static SecondFactor none() {
        return new SecondFactor(Optional.empty(), Optional.empty());
    }

    public static SecondFactor birthYear(int year) {
        return new SecondFactor(Optional.of(year), Optional.empty());
    }

    public static SecondFactor idLast4(String digits) {
        return new SecondFactor(Optional.empty(), Optional.of(digits));
    }

    /** The question to ask: the year of birth when known, else the identity number's last digits; empty if neither. */
    public Optional<Question> question() {
        return birthYear.isPresent() ? Optional.of(Question.BIRTH_YEAR)
                : idLast4.isPresent() ? Optional.of(Question.ID_LAST4) : Optional.empty();
    }

    /** Whether the keyed digits answer {@link #question()}; compared in constant time. */
    public boolean accepts(String digits) {
        var expected = birthYear.map(String::valueOf).or(() -> idLast4);
        return expected.isPresent() && digits != null && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII));
    }

    /** The digits are never printed, so a log line cannot leak them. */
    @Override
    public String toString() {
        return "SecondFactor[" + question().map(Enum::name).orElse("none") + "]";
    }
}
