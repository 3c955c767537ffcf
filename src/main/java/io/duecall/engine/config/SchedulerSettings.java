package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.adapter.quartz.QuartzCluster;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * {@code scheduler:}: how often each campaign's dial cycle ticks and how many originates a tick may start, the
 * holidays (in {@code holidayZone}) on which nobody is called. {@code clustered} absent: Quartz in memory on this
 * node; present: Quartz shared by the nodes in PostgreSQL.
 */
public record SchedulerSettings(Duration tickInterval, Integer maxOriginatesPerTick, List<LocalDate> holidays,
        String holidayZone, ClusteredSettings clustered) {
    public SchedulerSettings(Duration tickInterval, Integer maxOriginatesPerTick, List<LocalDate> holidays,
            String holidayZone) {
        this(tickInterval, maxOriginatesPerTick, holidays, holidayZone, null);
    }

    /** Ticks twice a second, at most 20 originates each, no holidays, Quartz in memory. */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings(Duration.ofMillis(500), 20, List.of(), ZoneOffset.UTC.getId(), null);
    }

    public SchedulerSettings withDefaults() {
        var d = defaults();
        return new SchedulerSettings(or(tickInterval, d.tickInterval()), or(maxOriginatesPerTick,
                d.maxOriginatesPerTick()), or(holidays, d.holidays()), or(holidayZone, d.holidayZone()), clustered);
    }

    void validate(List<String> errors) {
        if (maxOriginatesPerTick <= 0) {
            errors.add("scheduler.maxOriginatesPerTick was '" + maxOriginatesPerTick + "' but it must be > 0");
        }
        for (int i = 0; i < holidays.size(); i++) {
            if (holidays.get(i) == null) {
                errors.add("scheduler.holidays[" + i + "] is empty (expected a date such as 2026-12-25)");
            }
        }
        if (zone(holidayZone) == null) {
            errors.add("scheduler.holidayZone was '" + holidayZone + "' but it must be an IANA zone id");
        }
    }

    public Set<LocalDate> holidayDates() {
        return holidays.stream().filter(d -> d != null).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The zone the holidays are days of; UTC while the configured one is not valid. */
    public ZoneId holidayZoneId() {
        return or(zone(holidayZone), ZoneOffset.UTC);
    }

    /** Clustered Quartz's database, or null for Quartz in memory on this node. */
    QuartzCluster cluster(SecretResolver secrets, List<String> errors) {
        return clustered == null ? null : clustered.resolve(secrets, errors);
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
