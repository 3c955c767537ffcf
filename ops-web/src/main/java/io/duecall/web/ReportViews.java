package io.duecall.web;

import io.duecall.app.report.AgentDay;
import io.duecall.app.report.CampaignDay;
import io.duecall.app.report.ContactHours;
import io.duecall.domain.promise.PromiseFigures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the reports look as JSON objects and as CSV rows: amounts as decimals in their currency, rates as fractions
 * (0.03 is 3%), times in whole seconds.
 */
final class ReportViews {
    static final List<String> CAMPAIGN_COLUMNS = List.of("campaign", "day", "dials", "answered", "live_answers",
            "right_party_contacts", "live_answers_by_answer_day", "abandoned", "abandon_rate", "live_answers_30_days",
            "abandoned_30_days", "abandon_rate_30_days", "currency", "promises", "promised", "open", "partly_kept",
            "kept", "broken", "cancelled", "paid");
    static final List<String> HOUR_COLUMNS = List.of("weekday", "hour", "dials", "answers", "right_party_contacts",
            "contact_rate");
    static final List<String> AGENT_COLUMNS = List.of("agent", "day", "calls", "ready_seconds", "reserved_seconds",
            "talk_seconds", "wrap_up_seconds", "paused_seconds", "paused_by_reason", "promises", "occupancy",
            "calls_per_hour");

    private ReportViews() {}

    static Map<String, Object> campaign(CampaignDay row) {
        var map = new LinkedHashMap<String, Object>();
        map.put("campaign", row.campaign().value());
        map.put("day", row.day());
        map.put("dials", row.dials());
        map.put("answered", row.answered());
        map.put("liveAnswers", row.liveAnswers());
        map.put("rightPartyContacts", row.rightPartyContacts());
        map.put("abandons", row.abandons());
        map.put("promises", row.promises().stream().map(ReportViews::promises).toList());
        return map;
    }

    private static Map<String, Object> promises(PromiseFigures f) {
        var map = new LinkedHashMap<String, Object>();
        map.put("currency", f.currency().getCurrencyCode());
        map.put("made", f.made());
        map.put("promised", f.promised().toDecimal().toPlainString());
        map.put("open", f.open());
        map.put("partlyKept", f.partlyKept());
        map.put("kept", f.kept());
        map.put("broken", f.broken());
        map.put("cancelled", f.cancelled());
        map.put("paid", f.paid().toDecimal().toPlainString());
        return map;
    }

    /** One line per currency of the day's promises; a day without promises is one line with those cells empty. */
    static List<List<String>> campaignLines(CampaignDay row) {
        var a = row.abandons();
        var head = List.of(row.campaign().value(), row.day().toString(), n(row.dials()), n(row.answered()),
                n(row.liveAnswers()), n(row.rightPartyContacts()), n(a.liveAnswers()), n(a.abandoned()), rate(a.rate()),
                n(a.liveAnswers30Days()), n(a.abandoned30Days()), rate(a.rate30Days()));
        if (row.promises().isEmpty()) {
            var line = new ArrayList<>(head);
            line.addAll(List.of("", "", "", "", "", "", "", "", ""));
            return List.of(line);
        }
        return row.promises().stream().map(f -> {
            var line = new ArrayList<>(head);
            line.addAll(List.of(f.currency().getCurrencyCode(), n(f.made()), f.promised().toDecimal().toPlainString(),
                    n(f.open()), n(f.partlyKept()), n(f.kept()), n(f.broken()), n(f.cancelled()),
                    f.paid().toDecimal().toPlainString()));
            return (List<String>) line;
        }).toList();
    }

    static Map<String, Object> cell(ContactHours.Cell c) {
        var map = new LinkedHashMap<String, Object>();
        map.put("weekday", c.weekday());
        map.put("hour", c.hour());
        map.put("dials", c.dials());
        map.put("answers", c.answers());
        map.put("rightPartyContacts", c.rightPartyContacts());
        map.put("contactRate", c.contactRate());
        return map;
    }

    static List<String> cellLine(ContactHours.Cell c) {
        return List.of(DayOfWeek.of(c.weekday()).name().substring(0, 3), n(c.hour()), n(c.dials()), n(c.answers()),
                n(c.rightPartyContacts()), rate(c.contactRate()));
    }

    static Map<String, Object> agent(AgentDay d) {
        var map = new LinkedHashMap<String, Object>();
        map.put("agent", d.agent().value());
        map.put("day", d.day());
        map.put("calls", d.calls());
        map.put("readySeconds", d.ready().toSeconds());
        map.put("reservedSeconds", d.reserved().toSeconds());
        map.put("talkSeconds", d.talk().toSeconds());
        map.put("wrapUpSeconds", d.wrapUp().toSeconds());
        map.put("pausedSeconds", d.pausedTotal().toSeconds());
        var paused = new LinkedHashMap<String, Long>();
        d.paused().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> paused.put(e.getKey(), e.getValue().toSeconds()));
        map.put("pausedByReason", paused);
        map.put("promises", d.promises());
        map.put("occupancy", d.occupancy());
        map.put("callsPerHour", d.callsPerHour());
        return map;
    }

    static List<String> agentLine(AgentDay d) {
        var reasons = d.paused().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue().toSeconds()).collect(Collectors.joining("; "));
        return List.of(d.agent().value(), d.day().toString(), n(d.calls()), s(d.ready()), s(d.reserved()),
                s(d.talk()), s(d.wrapUp()), s(d.pausedTotal()), reasons, n(d.promises()), rate(d.occupancy()),
                String.format(Locale.ROOT, "%.2f", d.callsPerHour()));
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static String s(Duration d) {
        return Long.toString(d.toSeconds());
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
