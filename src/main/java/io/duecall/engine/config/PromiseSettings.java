package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** {@code promises:}: when the daily follow-up of promises runs ({@code sweepAt} in {@code zone}); the report's days are in {@code zone}. */
public record PromiseSettings(LocalTime sweepAt, String zone) {

    /** Early enough to call back the same day, late enough to be past the hours clocks change in most zones. */
    public static PromiseSettings defaults() {
        return new PromiseSettings(LocalTime.of(6, 0), ZoneOffset.UTC.getId());
    }

    public PromiseSettings withDefaults() {
        var d = defaults();
        return new PromiseSettings(or(sweepAt, d.sweepAt()), or(zone, d.zone()));
    }

    void validate(List<String> errors) {
        var zoneId = SchedulerSettings.zone(zone);
        if (zoneId == null) {
            errors.add("promises.zone was '" + zone + "' but it must be an IANA zone id");
        }
        var id = or(zoneId, ZoneOffset.UTC);
        if (sweepAt.getHour() < 4 && !id.getRules().isFixedOffset()) {
            errors.add("promises.sweepAt was '" + sweepAt + "' but in " + id
                    + " it must be 04:00 or later: a daily trigger in the hours clocks change would skip or repeat a day");
        }
    }

    public ZoneId zoneId() {
        return or(SchedulerSettings.zone(zone), ZoneOffset.UTC);
    }
}
