package io.duecall.web;

import java.util.List;

/**
 * One key of a campaign definition as the campaigns page edits it: its dotted path ({@code pacing.mode}), its type
 * ({@code string}, {@code integer}, {@code number}, {@code boolean}, {@code time}, {@code duration}, {@code instant},
 * {@code enum} with its {@code values}, or {@code json} for lists and maps), whether it is required, its default
 * (null when it has none or depends on other keys, as {@code note} then says).
 */
public record CampaignField(String key, String type, boolean required, Object defaultValue, String note,
        List<String> values) {
    public CampaignField {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
