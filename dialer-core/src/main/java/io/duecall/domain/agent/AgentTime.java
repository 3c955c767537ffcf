package io.duecall.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An agent's time by activity and day, worked out from the shared record: what a stored record has run through up
 * to an instant (its state since it was written, and, where it has settled by itself meanwhile, the wrap-up or hold
 * before that), and those stretches cut at each midnight of a zone.
 */
public final class AgentTime {
    private AgentTime() {}

    /** One stretch of an agent's time in one activity, {@code from} inclusive, {@code to} exclusive. */
    public record Span(AgentActivity activity, Instant from, Instant to) {}

    /**
     * The stretches {@code stored} has run through from its last write to {@code now}: a wrap-up that ended by itself
     * is the wrap-up up to its end and the ready time after it. Logged-out time and empty stretches are left out.
     */
    public static List<Span> since(AgentRecord stored, Instant now) {
        var settled = stored.settled(now);
        var spans = new ArrayList<Span>(2);
        if (settled != stored) {
            add(spans, stored, settled.enteredAt());
        }
        add(spans, settled, now);
        return spans;
    }

    private static void add(List<Span> spans, AgentRecord record, Instant to) {
        if (record.state() != AgentState.LOGGED_OUT && to.isAfter(record.enteredAt())) {
            spans.add(new Span(new AgentActivity(record.state(), record.pauseReason()), record.enteredAt(), to));
        }
    }

    /** The spans' time per day in {@code zone}, each span cut at the zone's midnights, in day order. */
    public static Map<LocalDate, Map<AgentActivity, Duration>> byDay(List<Span> spans, ZoneId zone) {
        var days = new TreeMap<LocalDate, Map<AgentActivity, Duration>>();
        for (var span : spans) {
            var from = span.from();
            while (from.isBefore(span.to())) {
                var day = from.atZone(zone).toLocalDate();
                var midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
                var to = midnight.isBefore(span.to()) ? midnight : span.to();
                days.computeIfAbsent(day, d -> new java.util.LinkedHashMap<>())
                        .merge(span.activity(), Duration.between(from, to), Duration::plus);
                from = to;
            }
        }
        return days;
    }
}
