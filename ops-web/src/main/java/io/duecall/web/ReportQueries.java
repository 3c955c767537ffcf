package io.duecall.web;

import io.duecall.app.report.ReportRange;
import io.duecall.app.report.Reports;
import io.duecall.domain.campaign.CampaignId;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports behind the API: query parameters checked (a bad one is a 400 naming it), the report asked, the answer
 * shaped as JSON or as CSV. Days default to today in the report zone.
 */
public final class ReportQueries {
    private final Reports reports;
    private final CsvExports csv;

    public ReportQueries(Reports reports, CsvExports csv) {
        this.reports = reports;
        this.csv = csv;
    }

    public Map<String, Object> campaigns(String from, String to) {
        var range = range(from, to);
        var answer = header(range);
        answer.put("abandonLimit", Reports.ABANDON_LIMIT);
        var today = new ArrayList<Map<String, Object>>();
        reports.abandonsToday().forEach((campaign, abandons) -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("campaign", campaign.value());
            row.put("abandons", abandons);
            today.add(row);
        });
        answer.put("today", Map.of("day", reports.today(), "campaigns", today));
        answer.put("rows", reports.campaigns(range).stream().map(ReportViews::campaign).toList());
        return answer;
    }

    public String campaignsCsv(String from, String to) {
        var lines = reports.campaigns(range(from, to)).stream().flatMap(r -> ReportViews.campaignLines(r).stream())
                .toList();
        return table(ReportViews.CAMPAIGN_COLUMNS, lines);
    }

    public Map<String, Object> contactHours(String campaign, String from, String to) {
        var range = range(from, to);
        var hours = reports.contactHours(campaign(campaign), range);
        var answer = header(range);
        answer.put("campaign", campaign);
        answer.put("peaks", hours.peaks().stream().map(p -> Map.of("starts", p.starts().toString(), "ends",
                p.ends().toString())).toList());
        answer.put("cells", hours.cells().stream().map(ReportViews::cell).toList());
        return answer;
    }

    public String contactHoursCsv(String campaign, String from, String to) {
        var hours = reports.contactHours(campaign(campaign), range(from, to));
        return table(ReportViews.HOUR_COLUMNS, hours.cells().stream().map(ReportViews::cellLine).toList());
    }

    public Map<String, Object> agents(String day) {
        var date = day("day", day, reports.today());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("zone", zoneName());
        answer.put("day", date);
        answer.put("rows", reports.agents(date).stream().map(ReportViews::agent).toList());
        return answer;
    }

    public String agentsCsv(String day) {
        var rows = reports.agents(day("day", day, reports.today()));
        return table(ReportViews.AGENT_COLUMNS, rows.stream().map(ReportViews::agentLine).toList());
    }

    private LinkedHashMap<String, Object> header(ReportRange range) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("zone", zoneName());
        answer.put("from", range.from());
        answer.put("to", range.to());
        return answer;
    }

    /** The report zone's id; UTC rather than its offset's id, Z. */
    private String zoneName() {
        return reports.zone().equals(java.time.ZoneOffset.UTC) ? "UTC" : reports.zone().getId();
    }

    private String table(List<String> header, List<List<String>> rows) {
        var out = new StringWriter();
        csv.table(header, rows, out);
        return out.toString();
    }

    private ReportRange range(String from, String to) {
        var last = day("to", to, reports.today());
        return new ReportRange(day("from", from, last), last);
    }

    private static LocalDate day(String name, String value, LocalDate otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, name + ": '" + shortened(value) + "' (expected a day such as 2026-03-05)");
        }
    }

    private static CampaignId campaign(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return new CampaignId(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "campaign: '" + shortened(value)
                    + "' (expected 1-40 characters of a-z 0-9 -, starting with a letter or digit)");
        }
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
