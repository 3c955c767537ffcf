package io.duecall.domain.campaign;

import java.util.regex.Pattern;

/** A campaign's short name: 1 to 40 lowercase letters, digits or dashes, safe in keys and URLs. */
public record CampaignId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public CampaignId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "campaign: '" + value + "' (expected 1-40 characters of a-z 0-9 -, starting with a letter or digit)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
