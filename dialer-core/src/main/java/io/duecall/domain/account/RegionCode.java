package io.duecall.domain.account;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The debtor's region for stricter regional rules, such as a US state code ({@code NV}) or a country-qualified one
 * ({@code US-NV}); upper case letters and digits only, so it is safe in keys and configuration.
 */
public record RegionCode(String value) {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,3}(-[A-Z0-9]{1,3})?");

    public RegionCode {
        Objects.requireNonNull(value, "region");
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("region: '" + value + "' (expected a short code such as NV or US-NV)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
